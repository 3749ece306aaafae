"""SOCIAL_ settings and author profiles: every problem reported at once, and the build stops."""

import pytest
from conftest import FIXTURES, make_settings
from pelican import Pelican

SOCIAL = FIXTURES / "social"


def start(tmp_path, **settings):
    """Create the Pelican object (plugins validate at `initialized`) and return the error."""
    merged = {"PATH": str(SOCIAL), "SOCIAL_CARD_CACHE": str(tmp_path / "cache"), **settings}
    with pytest.raises(Exception) as failure:
        Pelican(make_settings(tmp_path / "output", **merged))
    return failure.value


def test_all_problems_are_listed_in_one_error(tmp_path):
    bio = {"amara-okafor": {"name": "A", "fediverse": "amara", "links": {"x": "ftp://no"}}}
    error = start(
        tmp_path,
        SOCIAL_DESCRIPTION_LENGTH=10,
        SOCIAL_TWITTER_SITE="townsquare",
        SOCIAL_CARD_COLORS={"background": "navy"},
        AUTHORS_BIO=bio,
    )
    assert type(error).__name__ == "SocialSettingsError"
    lines = str(error).splitlines()
    assert lines[0] == "social: 5 setting problem(s):"
    assert lines[1:4] == [
        "  - Setting 'SOCIAL_DESCRIPTION_LENGTH': received 10; "
        "allowed: an integer from 50 to 1000",
        "  - Setting 'SOCIAL_TWITTER_SITE': received 'townsquare'; "
        "allowed: '' or '@handle' (1-15 letters, digits, _)",
        "  - Setting 'SOCIAL_CARD_COLORS': received {'background': 'navy'}; "
        "allowed: a dict with exactly background, foreground, accent as '#rrggbb'",
    ]
    assert lines[4:] == [
        "  - Setting AUTHORS_BIO['amara-okafor']['fediverse']: received 'amara'; "
        "allowed: '@user@server.example'",
        "  - Setting AUTHORS_BIO['amara-okafor']['links']['x']: received 'ftp://no'; "
        "allowed: an absolute https URL",
    ]


@pytest.mark.parametrize("inside", ["output", "output/cards"])
def test_card_cache_inside_the_output_is_refused(tmp_path, inside):
    error = start(tmp_path, SOCIAL_CARD_CACHE=str(tmp_path / inside))
    assert str(error) == (
        "social: 1 setting problem(s):\n"
        f"  - Setting 'SOCIAL_CARD_CACHE': received {str(tmp_path / inside)!r} "
        f"({tmp_path / inside}); "
        f"allowed: a folder outside the output folder {tmp_path / 'output'}"
    )


def test_an_empty_siteurl_fails_only_a_publish_build(tmp_path):
    from conftest import run_build

    # Local: pelican-quickstart's SITEURL = "" gets the local server's address.
    out = run_build(tmp_path / "local", PATH=str(SOCIAL), SITEURL="")
    canonical = [
        line
        for line in (out / "index.html").read_text("utf-8").splitlines()
        if 'rel="canonical"' in line
    ]
    assert canonical and 'href="http://127.0.0.1:8000/' in canonical[0]
    with pytest.raises(Exception, match="SITEURL is empty") as failure:
        run_build(tmp_path / "publish", PATH=str(SOCIAL), SITEURL="", PUBLISH=True)
    assert "set SITEURL in your CI" in str(failure.value)
