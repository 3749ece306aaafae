"""The audit's findings cache: a rebuild re-audits only changed pages, and never hides a change."""

import json

from conftest import CONTENT, run_build


def cached_pages(tmp_path):
    data = json.loads((tmp_path / "cache" / "townsquare-audit.json").read_text("utf-8"))
    return data["signature"], data["pages"]


def test_unchanged_rebuild_reuses_every_entry_and_a_change_is_seen(tmp_path, capfd):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    settings = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    run_build(tmp_path / "output", **settings)
    signature, first = cached_pages(tmp_path)
    assert len(first) == 32 + 10  # audited pages + opted-out share pickers (none for the draft)
    run_build(tmp_path / "output", **settings)
    assert cached_pages(tmp_path) == (signature, first)

    # Edit one post's text so it gains a finding: the cache must not hide it.
    post = content / "posts" / "2026-03-02-listening-tours.md"
    link = '\n\n<a href="https://example.org/" target="_blank">a new tab</a>\n'
    post.write_text(post.read_text("utf-8") + link, "utf-8")
    capfd.readouterr()
    run_build(tmp_path / "output", AUDIT_FAIL_ON="never", **settings)
    err = capfd.readouterr().err
    assert "posts/listening-tours.html" in err
    assert "[noopener]" in err
    # Same file names and images: the other pages kept their entries (feeds changed size).
    new_signature, entries = cached_pages(tmp_path)
    assert new_signature == signature
    changed = [key for key in entries if key not in first]
    assert 1 <= len(changed) <= 8  # the post, its listings (home, tag, category, author...)


def test_cache_off_writes_nothing(tmp_path):
    run_build(tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"), AUDIT_CACHE=False)
    assert not (tmp_path / "cache" / "townsquare-audit.json").exists()
