"""Two builds of the same input are byte-identical, so deploys only upload what changed.

The one documented exception is preview/build-stamp.txt in local builds: a new random stamp per
build is how open pages learn that they must reload (plugins/preview).
"""

import pytest
from conftest import run_build, snapshot

PUBLIC = "https://leaders.example.org"


def differing(first, second):
    a, b = snapshot(first), snapshot(second)
    assert a.keys() == b.keys()
    return sorted(str(path) for path in a if a[path] != b[path])


@pytest.mark.slow
def test_local_builds_differ_only_in_the_reload_stamp(tmp_path):
    first = run_build(tmp_path / "one" / "output")
    second = run_build(tmp_path / "two" / "output")
    assert differing(first, second) == ["preview/build-stamp.txt"]


@pytest.mark.slow
def test_publish_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://leaders.example.org")
    first = run_build(tmp_path / "one" / "output", "publishconf.py", SITEURL=PUBLIC)
    second = run_build(tmp_path / "two" / "output", "publishconf.py", SITEURL=PUBLIC)
    assert len(snapshot(first)) > 50
    assert differing(first, second) == []


@pytest.mark.slow
def test_content_cache_rebuild_gives_the_same_site(tmp_path):
    """Pelican's content cache pickles settings: every plugin's additions must survive that."""
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "c")}
    plain = run_build(tmp_path / "plain" / "output")
    cold = run_build(tmp_path / "cached" / "output", **cache)
    assert any((tmp_path / "c").iterdir()), "Pelican wrote no cache"
    warm = run_build(tmp_path / "cached" / "output", **cache)
    assert warm == cold
    assert differing(plain, warm) == ["preview/build-stamp.txt"]
