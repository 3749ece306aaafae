"""Front matter is checked like settings are: near-miss keys, statuses and dates are refused with
the file and line, `make post` prompts never reach a publish build, odd titles and dates warn."""

import logging

import pytest
from writing_helpers import PUBLISH_URL, build, messages, new_site, post, refused

from pelican.plugins.townsquare import newpost
from pelican.plugins.townsquare.newpost import PROMPTS

DATE_FIX = (
    "(03/04/2026 means March in one country and April in another) — fix: write it as "
    "YYYY-MM-DD or YYYY-MM-DD HH:MM with an optional UTC offset, e.g. "
)


def test_keys_close_to_known_ones_are_refused_with_did_you_mean(tmp_path):
    text = post(extra="Satus: draft\nTag: leadership\nSumary: Hello.\nImage_al: A photo\n")
    new_site(tmp_path, {"posts/typos.md": text})
    path = tmp_path / "content" / "posts" / "typos.md"
    fix = "fix: correct the key (a key your theme reads goes in the FRONTMATTER_KEYS setting)"
    assert refused(tmp_path) == [
        f"{path}:6: unknown front matter key 'Satus' — did you mean 'Status'? {fix}",
        f"{path}:7: unknown front matter key 'Tag' — did you mean 'Tags'? {fix}",
        f"{path}:8: unknown front matter key 'Sumary' — did you mean 'Summary'? {fix}",
        f"{path}:9: unknown front matter key 'Image_al' — did you mean 'Image_alt'? {fix}",
    ]


def test_keys_the_site_declares_and_unrelated_keys_pass(tmp_path):
    # "Tag" is a near-miss unless the site says its theme reads it; "Hero" is nobody's typo.
    text = post(extra="Tag: featured\nHero: images/community-square.png\nSubtitle: More\n")
    new_site(tmp_path, {"posts/own-keys.md": text})
    out = build(tmp_path, FRONTMATTER_KEYS=["tag"])
    assert (out / "posts" / "own-keys.html").is_file()


def test_a_bad_frontmatter_keys_setting_is_refused(tmp_path):
    new_site(tmp_path, {"posts/a.md": post()})
    with pytest.raises(Exception) as failed:
        build(tmp_path, FRONTMATTER_KEYS="hero")
    assert str(failed.value).splitlines() == [
        "settings: 1 setting problem(s):",
        "  - Setting 'FRONTMATTER_KEYS': received 'hero'; allowed: a list of front matter key "
        "names, e.g. ['subtitle', 'hero_image']",
    ]


@pytest.mark.parametrize("status", ["publish", "Drafts", "private"])
def test_an_unknown_status_is_refused_with_the_line(tmp_path, status):
    new_site(tmp_path, {"posts/status.md": post(extra=f"Status: {status}\n")})
    path = tmp_path / "content" / "posts" / "status.md"
    assert refused(tmp_path) == [
        f"{path}:6: Status '{status.lower()}' is not a status — fix: write 'Status: published', "
        "'Status: draft' (previewed locally, never published) or 'Status: hidden' (published "
        "but not listed)"
    ]


@pytest.mark.parametrize(
    ("line", "example"),
    [
        ("Date: 03/04/2026", "'Date: 2026-05-04 09:30+02:00'"),
        ("Date: 4.3.26 10:00", "'Date: 2026-05-04 09:30+02:00'"),
        ("Modified: 03/05/2026", "'Modified: 2026-05-04 09:30+02:00'"),
    ],
)
def test_dates_that_are_not_iso_are_refused_with_an_example(tmp_path, line, example):
    text = post().replace("Date: 2026-05-04 09:30+02:00\n", "Date: 2026-05-04 09:30+02:00\n")
    if line.startswith("Date:"):
        text = text.replace("Date: 2026-05-04 09:30+02:00", line)
    else:
        text = text.replace("Author:", f"{line}\nAuthor:")
    new_site(tmp_path, {"posts/dated.md": text})
    path = tmp_path / "content" / "posts" / "dated.md"
    name, value = line.split(": ", 1)
    number = 2 if name == "Date" else 3
    assert refused(tmp_path) == [
        f"{path}:{number}: {name} '{value}' is not an ISO date {DATE_FIX}{example}"
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2026-03-04",
        "2026-03-04 09:30",
        "2026-03-04T09:30:15+02:00",
        "2026-03-04 09:30Z",
        "2026-3-4 9:30",  # Pelican reads it one way only: never refused
        "4 March 2026 10:00",
        "2026/03/04",
    ],
)
def test_iso_dates_in_every_form_build(tmp_path, value):
    new_site(tmp_path, {"posts/iso.md": post().replace("2026-05-04 09:30+02:00", value)})
    page = (build(tmp_path) / "posts" / "iso.html").read_text(encoding="utf-8")
    assert 'datetime="2026-03-04T' in page


def scaffolded(tmp_path, status_line):
    """A post exactly as `make post` writes it, with its Status line replaced."""
    moment = newpost._post_date("2026-07-01T09:30", "Europe/Berlin")
    text = newpost.front_matter("My first post", moment, "Amara Okafor", "Leadership", "first")
    return text.replace("Status: draft\n", status_line)


def test_publish_build_refuses_the_make_post_prompts(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", PUBLISH_URL)
    new_site(tmp_path, {"posts/first.md": scaffolded(tmp_path, "")})
    path = tmp_path / "content" / "posts" / "first.md"
    prompt = "from `make post` is still in the post — fix: replace it with your own text"
    assert refused(tmp_path, "publishconf.py") == [
        f"{path}:11: the writing prompt '{PROMPTS[1]}' {prompt}",
        f"{path}:13: the writing prompt '{PROMPTS[2]}' {prompt}",
        f"{path}:7: 'Summary:' is empty, so the first paragraph is what people see when the "
        "post is shared — fix: write one sentence after 'Summary:' (or delete the line)",
        f"{path}:9: the writing prompt '{PROMPTS[0]}' {prompt}",
    ]


def test_local_build_only_warns_about_the_prompts(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    new_site(tmp_path, {"posts/first.md": scaffolded(tmp_path, "")})
    out = build(tmp_path)
    assert (out / "posts" / "first.html").is_file()
    warned = [m for m in messages(caplog, logging.WARNING) if "first.md" in m]
    assert [m.split(": ", 1)[1].split(" ")[0:3] for m in warned] == [
        ["'Summary:'", "is", "empty,"],
        ["the", "writing", "prompt"],
        ["the", "writing", "prompt"],
        ["the", "writing", "prompt"],
    ]


def test_a_draft_still_holding_prompts_does_not_block_publishing(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", PUBLISH_URL)
    new_site(
        tmp_path,
        {"posts/first.md": scaffolded(tmp_path, "Status: draft\n"), "posts/ok.md": post()},
    )
    out = build(tmp_path, "publishconf.py")
    assert (out / "posts" / "ok.html").is_file()
    assert not (out / "drafts").exists()


def test_a_title_without_letters_or_digits_is_refused(tmp_path):
    new_site(tmp_path, {"posts/party.md": post(title="🎉🎉 !!")})
    path = tmp_path / "content" / "posts" / "party.md"
    assert refused(tmp_path, SLUGIFY_SOURCE="title") == [
        f"{path}:1: the title '🎉🎉 !!' has no letter or digit to build the post's URL from — "
        "fix: add a word to the title, or a line 'Slug: a-few-words' to the front matter"
    ]


def test_an_explicit_slug_rescues_an_emoji_title(tmp_path):
    new_site(tmp_path, {"posts/party.md": post(title="🎉🎉", extra="Slug: party\n")})
    assert (build(tmp_path, SLUGIFY_SOURCE="title") / "posts" / "party.html").is_file()


@pytest.mark.parametrize(
    ("title", "name", "code", "column"),
    [
        ("Budget \u202eevif\u202c review", "right-to-left override", "202E", 8),
        ("Zero\u200bwidth", "zero width space", "200B", 5),
        ("\ufeffBOM title", "zero width no-break space", "FEFF", 1),
    ],
)
def test_invisible_characters_in_titles_warn_with_line_and_column(
    tmp_path, caplog, title, name, code, column
):
    caplog.set_level(logging.WARNING)
    new_site(tmp_path, {"posts/odd.md": post(title=title)})
    build(tmp_path)
    path = tmp_path / "content" / "posts" / "odd.md"
    assert messages(caplog, logging.WARNING) == [
        f"{path}:1: the title holds an invisible {name} (U+{code}) at column {column}; it can "
        "reorder or hide the title where it is shown — fix: delete it unless you put it there "
        "on purpose"
    ]


def test_emoji_sequences_and_persian_joiners_do_not_warn(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    new_site(tmp_path, {"posts/ok.md": post(title="Coders 👩🏽‍💻 and می‌خواهم")})
    build(tmp_path)
    assert messages(caplog, logging.WARNING) == []


def test_a_far_future_date_warns(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    new_site(tmp_path, {"posts/future.md": post().replace("2026-05-04", "2206-05-04")})
    build(tmp_path)
    path = tmp_path / "content" / "posts" / "future.md"
    assert messages(caplog, logging.WARNING) == [
        f"{path}:2: the date 2206-05-04 is more than a year ahead, so the post says it was "
        "written then — fix: check the year"
    ]
