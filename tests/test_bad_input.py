"""Bad input matrix: every mistake a leader can make stops the build with one exact message that
names the file (and line) or the setting and says how to fix it; the previous site survives."""

import pytest
from conftest import run_build, snapshot

GOOD = (
    "Title: Hello, readers\nDate: 2026-05-04 09:30+02:00\nAuthor: Amara Okafor\n"
    "Category: Leadership\nSummary: A short hello.\n\nWe answer every reply.\n"
)
IMAGE = "community-square.png"


@pytest.fixture
def site(tmp_path):
    """A one-post site built once; returns (content folder, output folder, files before)."""
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "posts" / "hello.md").write_text(GOOD, encoding="utf-8")
    out = run_build(tmp_path / "output", PATH=str(content))
    return content, out, snapshot(out)


def failure_lines(error):
    """The listed problems of a BuildFailed message (lines after the header)."""
    head, *problems = str(error).splitlines()
    assert head.startswith("safebuild: the build failed with ")
    assert head.endswith(" was left as it was:")
    return sorted(line.removeprefix("  - ") for line in problems)


def break_build(site, name, data, **settings):
    content, out, before = site
    path = content / "posts" / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content), **settings)
    # Pelican imports the plugin as `safebuild`, so compare the class by name.
    assert type(failed.value).__name__ == "BuildFailed"
    assert snapshot(out) == before, "the previous output changed"
    assert not (out.parent / f".{out.name}.townsquare-staging").exists()
    return path, failure_lines(failed.value)


def test_missing_title(site):
    path, lines = break_build(site, "untitled.md", "Date: 2026-05-05 10:00+02:00\n\nText.\n")
    assert lines == [
        f"{path}:1: no 'Title:' in the front matter — fix: add a line 'Title: Your title' at "
        "the top of the file"
    ]


def test_missing_date(site):
    path, lines = break_build(site, "undated.md", "Title: Undated\n\nText.\n")
    assert lines == [
        f"{path}:1: no 'Date:' in the front matter — fix: add a line "
        "'Date: 2026-05-04 09:30+02:00' to the front matter (or set DEFAULT_DATE)"
    ]


@pytest.mark.parametrize("value", ["2026-02-30 10:00", "next Tuesday", "2026-13-01"])
def test_unparseable_date_names_the_line(site, value):
    text = f"Title: Bad date\nAuthor: Amara Okafor\nDate: {value}\n\nText.\n"
    path, lines = break_build(site, "bad-date.md", text)
    assert lines == [
        f"{path}:3: Date '{value}' is not a valid date — fix: write it as YYYY-MM-DD HH:MM "
        "with an optional UTC offset, e.g. 'Date: 2026-05-04 09:30+02:00'"
    ]


def test_non_utf8_file_names_line_and_column(site):
    data = "Title: Café\nDate: 2026-05-05 10:00+02:00\n\nNaïve text.\n".encode("latin-1")
    path, lines = break_build(site, "latin1.md", data)
    assert lines == [
        f"{path}:1: the file is not UTF-8 text (byte 0xe9 at column 11) — fix: save it with "
        "UTF-8 encoding (most editors: Save with encoding → UTF-8)"
    ]


def test_missing_image_in_front_matter(site):
    text = GOOD.replace("Title: Hello, readers", "Title: Pictured\nImage: images/missing.png")
    path, lines = break_build(site, "pictured.md", text)
    assert lines == [
        f"social: {path}:2: Image 'images/missing.png' is neither a static file of the content "
        "nor of the theme nor an http(s) URL — fix: use a path inside the content folder such "
        "as 'images/photo.png' (the file must exist) or a full https:// URL"
    ]


def test_missing_image_in_the_text(site):
    text = GOOD.replace("Title: Hello, readers", "Title: Inline") + (
        "\n![Our team]({static}/images/gone.png)\n"
    )
    path, lines = break_build(site, "inline.md", text)
    content = site[0]
    assert lines == [
        f"{path}:9: image '{{static}}/images/gone.png' points at no file (looked for "
        f"{content / 'images' / 'gone.png'}) — fix: put the image in the content folder, e.g. "
        "content/images/, and write ![description](images/name.jpg)"
    ]


def test_unknown_setting_value_is_refused_before_building(site):
    content, out, before = site
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content), SHARE_NETWORKS=["linkedin", "myspace"])
    assert type(failed.value).__name__ == "ShareSettingsError"
    assert str(failed.value).splitlines() == [
        "share: 1 setting problem(s):",
        "  - Setting 'SHARE_NETWORKS': received ['linkedin', 'myspace']; unknown network(s) "
        "'myspace'; allowed: a list drawn from linkedin, x, facebook, mastodon, bluesky, "
        "threads, reddit, hackernews, whatsapp, telegram, email",
    ]
    assert snapshot(out) == before


def test_misspelt_setting_names_are_refused_with_a_suggestion(site):
    content, out, before = site
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content), FEEDS_ITEM_LIMIT=5, SOCIAL_CARD_COLOURS={}, AUDIT_FAIL=1)
    assert type(failed.value).__name__ == "UnknownSettingError"
    assert str(failed.value).splitlines() == [
        "settings: 3 unknown setting(s); fix the name in your settings file:",
        "  - AUDIT_FAIL: not a setting of any plugin — did you mean AUDIT_FAIL_ON?",
        "  - FEEDS_ITEM_LIMIT: not a setting of any plugin — did you mean FEEDS_LIMIT?",
        "  - SOCIAL_CARD_COLOURS: not a setting of any plugin — did you mean SOCIAL_CARD_COLORS?",
    ]
    assert snapshot(out) == before


def test_several_bad_posts_are_all_listed(site):
    content = site[0]
    (content / "posts" / "a.md").write_text("Date: 2026-05-05 10:00+02:00\n\nx\n", "utf-8")
    path, lines = break_build(site, "b.md", "Title: B\nDate: someday\n\nx\n")
    assert lines == [
        f"{content / 'posts' / 'a.md'}:1: no 'Title:' in the front matter — fix: add a line "
        "'Title: Your title' at the top of the file",
        f"{path}:2: Date 'someday' is not a valid date — fix: write it as YYYY-MM-DD HH:MM with "
        "an optional UTC offset, e.g. 'Date: 2026-05-04 09:30+02:00'",
    ]


def test_control_character_names_line_and_column(site):
    text = GOOD.replace("We answer every reply.", "We answer\x0bevery reply.")
    path, lines = break_build(site, "control.md", text.replace("Hello, readers", "Control"))
    assert lines == [
        f"{path}:7: control character U+000B at column 10 — fix: delete it (it is invisible in "
        "most editors; retype the text around it)"
    ]


@pytest.mark.parametrize(
    ("line", "number", "what"),
    [("Tags: 🎉, ok", 5, "tag '🎉'"), ("Author: ★★★", 3, "author '★★★'")],
)
def test_names_without_letters_are_refused(site, line, number, what):
    text = (
        "Title: Party\nDate: 2026-05-05 10:00+02:00\nAuthor: Amara Okafor\nCategory: News\n"
        "Tags: ok\n\nText.\n"
    )
    key = line.split(":")[0]
    text = "\n".join(line if row.startswith(key + ":") else row for row in text.split("\n"))
    path, lines = break_build(site, "party.md", text)
    assert lines == [
        f"{path}:{number}: {what} has no letter or digit to build its URL from — fix: add a "
        "word to it (emoji and punctuation alone make an empty URL)"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "SOCIAL_WIDGET_NAME",
        "SHARE_LINKS",
        "SHARE_POST_INTRO",
        "COMMENTS_INTRO",
        "SOCIAL_PROFILE_LABEL",
    ],
)
def test_setting_other_themes_read_is_not_a_typo(site, name):
    # Regression (issue 14): settings that Elegant, Flex and notmyidea document were refused.
    content, out, _before = site
    run_build(out, PATH=str(content), **{name: "Follow"})
    assert (out / "index.html").is_file()


@pytest.mark.parametrize(
    ("name", "declared", "expected"),
    [
        ("FEEDS_ITEM_LIMIT", "FEEDS_LIMIT", True),  # a word added
        ("AUDIT_FAIL", "AUDIT_FAIL_ON", True),  # a word dropped
        ("SOCIAL_CARD_COLOURS", "SOCIAL_CARD_COLORS", True),  # a letter
        ("SHARE_LINK_COPY", "SHARE_COPY_LINK", True),  # two words swapped
        ("SHARE_LINKS", "SHARE_COPY_LINK", False),  # a word added and one changed
        ("SHARE_URL", "SHARE_UTM", False),  # a short word changed by two letters
        ("COMMENTS_INTRO", "COMMENTS_HEADERS", False),
    ],
)
def test_near_miss_is_one_small_edit_away(name, declared, expected):
    from pelican.plugins.townsquare_safebuild.typos import near_miss

    assert near_miss(name, declared) is expected
