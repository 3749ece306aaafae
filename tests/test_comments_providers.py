"""Each comment provider, built for real: exact embed attributes, nothing loaded, exact CSP."""

import base64
import hashlib
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, FIXTURES, ROOT, csp_directives, make_settings, run_build, snapshot
from pelican import Pelican

SITEURL = "http://127.0.0.1:8000"
TOOT = "https://mastodon.example/@amara/113456789012345678"
TITLE = "Replies & <Questions>"
FORMS = "'self' https://mastodon.social https://mastodon.online https://fosstodon.org "
FORMS += "https://hachyderm.io"


@pytest.fixture(scope="module")
def small_content(tmp_path_factory):
    """Two posts (one names its toot) and the images the sample settings refer to."""
    content = tmp_path_factory.mktemp("comments-providers") / "content"
    shutil.copytree(CONTENT / "images", content / "images")
    (content / "posts").mkdir()
    (content / "posts" / "toot.md").write_text(
        f"Title: {TITLE}\nDate: 2026-07-01 09:00\nCategory: Leadership\nSlug: toot\n"
        f"Mastodon: {TOOT}\n\nText.\n",
        encoding="utf-8",
    )
    (content / "posts" / "plain.md").write_text(
        "Title: Plain\nDate: 2026-07-02 09:00\nCategory: Leadership\nSlug: plain\n\nText.\n",
        encoding="utf-8",
    )
    return content


GISCUS = {
    "COMMENTS_GISCUS_REPO": "townsquare/blog",
    "COMMENTS_GISCUS_REPO_ID": "R_kgDOExample",
    "COMMENTS_GISCUS_CATEGORY": "Comments",
    "COMMENTS_GISCUS_CATEGORY_ID": "DIC_kwDOExample4Cabc",
}

#: sha256 of the two versions of the <style> utterances' client.js inserts (with and without
#: its `color-scheme: light;` line), computed here with hashlib from the fixture text.
UTTERANCES_STYLE_HASHES = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
    for text in (
        (FIXTURES / "comments" / "utterances-style.css").read_text("utf-8"),
        (FIXTURES / "comments" / "utterances-style.css")
        .read_text("utf-8")
        .replace("      color-scheme: light;\n", ""),
    )
)

#: provider -> (settings, exact attributes of the embed box on posts/toot.html, CSP additions)
CASES = {
    "giscus": (
        GISCUS,
        {
            "data-ts-src": "https://giscus.app/client.js",
            "data-repo": "townsquare/blog",
            "data-repo-id": "R_kgDOExample",
            "data-category": "Comments",
            "data-category-id": "DIC_kwDOExample4Cabc",
            "data-mapping": "pathname",
            "data-strict": "1",
            "data-reactions-enabled": "1",
            "data-emit-metadata": "0",
            "data-input-position": "bottom",
            "data-theme": "light",
            "data-lang": "en",
            "data-loading": "lazy",
        },
        {
            "script-src": "'self' https://giscus.app",
            "style-src": "'self' https://giscus.app",
            "frame-src": "'self' https://giscus.app",
        },
    ),
    "utterances": (
        {"COMMENTS_UTTERANCES_REPO": "townsquare/blog", "COMMENTS_UTTERANCES_LABEL": "comment"},
        {
            "data-ts-src": "https://utteranc.es/client.js",
            "data-repo": "townsquare/blog",
            "data-issue-term": "pathname",
            "data-theme": "github-light",
            "data-label": "comment",
        },
        {
            "script-src": "'self' https://utteranc.es",
            "style-src": f"'self' {UTTERANCES_STYLE_HASHES}",
            "frame-src": "'self' https://utteranc.es",
        },
    ),
    "disqus": (
        {"COMMENTS_DISQUS_SHORTNAME": "townsquare"},
        {
            "id": "disqus_thread",
            "data-ts-src": "https://townsquare.disqus.com/embed.js",
            "data-page-url": f"{SITEURL}/posts/toot.html",
            "data-page-identifier": "/posts/toot.html",
        },
        {
            "script-src": "'self' https://townsquare.disqus.com https://c.disquscdn.com",
            "style-src": "'self' https://c.disquscdn.com",
            "img-src": "'self' data: https://c.disquscdn.com https://referrer.disqus.com",
            "connect-src": "'self' https://links.services.disqus.com",
            "frame-src": "'self' https://disqus.com",
        },
    ),
    "isso": (
        {"COMMENTS_ISSO_URL": "https://comments.example.org/isso/"},
        {
            "id": "isso-thread",
            "data-ts-src": "https://comments.example.org/isso/js/embed.min.js",
            "data-isso": "https://comments.example.org/isso/",
            "data-isso-id": "/posts/toot.html",
            "data-title": TITLE,
            "data-isso-avatar": "false",
        },
        {
            "script-src": "'self' https://comments.example.org",
            "style-src": "'self' https://comments.example.org",
            "img-src": "'self' data: https://comments.example.org",
            "connect-src": "'self' https://comments.example.org",
        },
    ),
    "remark42": (
        {"COMMENTS_REMARK42_HOST": "https://remark.example.org", "COMMENTS_REMARK42_SITE_ID": "t"},
        {
            "id": "remark42",
            "data-ts-src": "https://remark.example.org/web/embed.js",
            "data-host": "https://remark.example.org",
            "data-site-id": "t",
            "data-url": f"{SITEURL}/posts/toot.html",
            "data-theme": "light",
        },
        {
            "script-src": "'self' https://remark.example.org",
            "connect-src": "'self' https://remark.example.org",
            "frame-src": "'self' https://remark.example.org",
        },
    ),
    "cusdis": (
        {"COMMENTS_CUSDIS_APP_ID": "0f0e-app"},
        {
            "id": "cusdis_thread",
            "data-ts-src": "https://cusdis.com/js/cusdis.es.js",
            "data-host": "https://cusdis.com",
            "data-app-id": "0f0e-app",
            "data-page-id": "/posts/toot.html",
            "data-page-url": f"{SITEURL}/posts/toot.html",
            "data-page-title": TITLE,
            "data-theme": "light",
        },
        {
            "script-src": "'self' https://cusdis.com 'unsafe-inline'",
            "style-src": "'self' https://cusdis.com",
            "connect-src": "'self' https://cusdis.com",
            "frame-src": "'self' https://cusdis.com",
        },
    ),
    "mastodon": (
        {},
        {
            "data-host": "mastodon.example",
            "data-toot-id": "113456789012345678",
            "data-toot-url": TOOT,
        },
        {"connect-src": "'self' https://mastodon.example"},
    ),
}


ABOUT = {
    "giscus": "Comments are hosted by giscus, on GitHub Discussions — you need a GitHub account "
    "to comment.",
    "utterances": "Comments are hosted by utterances, on GitHub issues — you need a GitHub "
    "account to comment.",
    "disqus": "Comments are hosted by Disqus — you sign in with a Disqus, Facebook, X or Google "
    "account, or comment as a guest where this site allows it.",
    "isso": "Comments are hosted on this site's own Isso server — no account needed to comment.",
    "remark42": "Comments are hosted on this site's own Remark42 server — sign in with one of "
    "the accounts it offers, or anonymously where this site allows it.",
    "cusdis": "Comments are hosted by Cusdis — no account needed; a comment appears once the "
    "author approves it.",
    "mastodon": "Replies come from Mastodon — answer the post there with any Mastodon account "
    "to join in.",
}


def read(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def policy(output):
    """The Content-Security-Policy of `_headers` as {directive: sources}."""
    lines = (output / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "/*"
    assert sum("Content-Security-Policy" in line for line in lines) == 1
    return csp_directives(output)


BASE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "form-action": FORMS,
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def test_headers_without_a_provider_are_strict(sample_site):
    assert policy(sample_site) == BASE_POLICY
    text = (sample_site / "_headers").read_text(encoding="utf-8")
    assert "  X-Content-Type-Options: nosniff\n" in text
    assert "  Referrer-Policy: strict-origin-when-cross-origin\n" in text


def test_policy_allows_the_newsletter_form_and_remote_post_images(tmp_path, small_content):
    content = tmp_path / "content"
    shutil.copytree(small_content, content)
    (content / "posts" / "photo.md").write_text(
        "Title: Photo\nDate: 2026-07-03 09:00\nCategory: Leadership\nSlug: photo\n"
        "Summary: Our offsite in pictures.\n\n"
        "![Team offsite](https://images.example.org/offsite.jpg)\n"
        f"![Own image]({SITEURL}/images/community-square.png)\n",
        encoding="utf-8",
    )
    newsletter = {"action": "https://news.example/subscribe", "field": "email"}
    out = run_build(tmp_path / "output", PATH=str(content), FEEDS_NEWSLETTER=newsletter)
    assert policy(out)["form-action"] == FORMS.replace("'self'", "'self' https://news.example")
    assert policy(out)["img-src"] == "'self' data: https://images.example.org"


def test_headers_off_and_comments_on_every_page(tmp_path, small_content):
    content = tmp_path / "content"
    shutil.copytree(small_content, content)
    (content / "pages").mkdir()
    (content / "pages" / "team.md").write_text("Title: Team\nSlug: team\n\nWho we are.\n", "utf-8")
    (content / "pages" / "legal.md").write_text(
        "Title: Legal\nSlug: legal\nComments: off\n\nImprint.\n", "utf-8"
    )
    out = run_build(
        tmp_path / "output", PATH=str(content), COMMENTS_HEADERS=False, COMMENTS_ON_PAGES=True
    )
    assert not (out / "_headers").exists()
    assert read(out / "team.html").select_one("section#comments a[data-ts-reply=email]")
    assert read(out / "legal.html").select_one("section#comments") is None


@pytest.mark.parametrize("provider", CASES)
def test_provider_embed_attributes_and_policy(tmp_path, small_content, provider):
    settings, attrs, extra = CASES[provider]
    out = run_build(
        tmp_path / "output", PATH=str(small_content), COMMENTS_PROVIDER=provider, **settings
    )
    page = read(out / "posts/toot.html")
    section = page.select_one("section#comments[data-ts-comments]")
    box = section.select_one("[data-ts-embed]")
    assert box.attrs == {
        "class": ["ts-embed"],
        "data-ts-embed": provider,
        "data-ts-timeout": "15",
        **attrs,
    }
    # One plain line says who hosts the comments and what a reader needs.
    assert section.select_one("p.ts-about").get_text() == ABOUT[provider]
    # Click to load: a hidden consent block; the button is on its own line (its own <p>).
    consent = section.select_one("div.ts-consent")
    assert consent.has_attr("hidden")
    button = consent.select_one("p > button[data-ts-load]")
    assert button.parent.get_text() == "Show comments"
    assert (button["type"], button.get_text()) == ("button", "Show comments")
    # The fallback line, hidden until the provider fails, links to the same e-mail reply.
    fallback = section.select_one("p.ts-fallback[data-ts-fallback][hidden]")
    assert fallback.get_text() == "Comments could not load — reply by email instead."
    assert fallback.a["href"] == section.select_one("a[data-ts-reply=email]")["href"]
    assert (fallback["role"], fallback["tabindex"]) == ("alert", "-1")
    (script,) = page.select('script[src$="/townsquare/comments.js"]')
    assert script.has_attr("defer")
    # Nothing from the provider in the static page: no iframe, every script is the site's own.
    assert page.select("iframe") == []
    assert all(s["src"].startswith(f"{SITEURL}/") for s in page.select("script[src]"))
    # The no-JS way to answer is always there.
    assert section.select_one("a[data-ts-reply=email]")["href"].startswith("mailto:")
    assert policy(out) == {**BASE_POLICY, **extra}


def test_mastodon_provider_without_a_toot_keeps_the_reply_links_only(tmp_path, small_content):
    out = run_build(tmp_path / "output", PATH=str(small_content), COMMENTS_PROVIDER="mastodon")
    section = read(out / "posts/plain.html").select_one("section#comments")
    assert section.select("[data-ts-embed], button, script") == []
    assert [a["data-ts-reply"] for a in section.select("a")] == ["email"]
    toot = read(out / "posts/toot.html").select_one("section#comments")
    replies = [(a["data-ts-reply"], a["href"]) for a in toot.select("a[data-ts-reply]")]
    assert replies[1] == ("mastodon", TOOT)


def test_click_to_load_off_and_remembered_consent(tmp_path, small_content):
    out = run_build(
        tmp_path / "output",
        PATH=str(small_content),
        COMMENTS_PROVIDER="giscus",
        COMMENTS_CLICK_TO_LOAD=False,
        COMMENTS_REMEMBER_CONSENT=True,
        **GISCUS,
    )
    section = read(out / "posts/toot.html").select_one("section#comments")
    box = section.select_one("[data-ts-embed]")
    assert box.has_attr("data-ts-auto") and box.has_attr("data-ts-remember")
    assert box["data-loading"] == "lazy"
    assert section.select("p.ts-consent, button") == []


MISSING = {
    "giscus": (
        {"COMMENTS_GISCUS_REPO": "townsquare/blog"},
        ["COMMENTS_GISCUS_REPO_ID", "COMMENTS_GISCUS_CATEGORY", "COMMENTS_GISCUS_CATEGORY_ID"],
    ),
    "utterances": ({}, ["COMMENTS_UTTERANCES_REPO"]),
    "disqus": ({"COMMENTS_DISQUS_SHORTNAME": ""}, ["COMMENTS_DISQUS_SHORTNAME"]),
    "isso": ({}, ["COMMENTS_ISSO_URL"]),
    "remark42": ({}, ["COMMENTS_REMARK42_HOST", "COMMENTS_REMARK42_SITE_ID"]),
    "cusdis": ({}, ["COMMENTS_CUSDIS_APP_ID"]),
}


@pytest.mark.parametrize("provider", MISSING)
def test_missing_provider_settings_are_named(tmp_path, provider):
    given, missing = MISSING[provider]
    settings = make_settings(tmp_path / "out", COMMENTS_PROVIDER=provider, **given)
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert type(failure.value).__name__ == "CommentsSettingsError"
    assert str(failure.value).splitlines() == [
        f"comments: {len(missing)} setting problem(s):",
        *(
            f"  - Setting '{name}': received {given.get(name)!r}; {name} is required when "
            f"COMMENTS_PROVIDER = {provider!r}"
            for name in missing
        ),
    ]


def test_bad_settings_are_listed_together_and_keep_the_output(tmp_path):
    out = run_build(tmp_path / "output")
    before = snapshot(out)
    with pytest.raises(Exception) as failure:
        run_build(
            tmp_path / "output",
            COMMENTS_PROVIDER="commento",
            COMMENTS_CLICK_TO_LOAD="yes",
            COMMENTS_REPLY_EMAIL="Amara <amara@example.org>",
        )
    assert str(failure.value).splitlines() == [
        "comments: 3 setting problem(s):",
        "  - Setting 'COMMENTS_PROVIDER': received 'commento'; is not a known provider; "
        "allowed: None | False | 'giscus' | 'utterances' | 'disqus' | 'isso' | 'remark42' "
        "| 'cusdis' | 'mastodon'",
        "  - Setting 'COMMENTS_CLICK_TO_LOAD': received 'yes'; must be True or False; "
        "allowed: True or False",
        "  - Setting 'COMMENTS_REPLY_EMAIL': received 'Amara <amara@example.org>'; must be None "
        "or an address; allowed: None or an address like 'me@example.org'",
    ]
    after = snapshot(out)
    assert after == before


def test_every_setting_is_explained_on_the_comments_page():
    from pelican.plugins.townsquare_comments.settings import PROVIDER_SETTINGS, SETTINGS

    page = (ROOT / "docs" / "comments.md").read_text("utf-8")
    settings = page.split("\n## Settings\n")[1]
    for name in (*(s.name for s in SETTINGS), *PROVIDER_SETTINGS):
        assert f"| `{name}` |" in settings, name


def test_provider_values_that_become_urls_are_checked(tmp_path):
    settings = make_settings(
        tmp_path / "out",
        COMMENTS_PROVIDER="cusdis",
        COMMENTS_CUSDIS_APP_ID="app",
        COMMENTS_CUSDIS_HOST="cusdis.example.org",
    )
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines()[1:] == [
        "  - Setting 'COMMENTS_CUSDIS_HOST': received 'cusdis.example.org'; must be an http(s) "
        "URL like https://comments.example.org/ (must start with https:// or http://)"
    ]
    settings = make_settings(
        tmp_path / "out", COMMENTS_PROVIDER="disqus", COMMENTS_DISQUS_SHORTNAME="evil.example/x"
    )
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines()[1:] == [
        "  - Setting 'COMMENTS_DISQUS_SHORTNAME': received 'evil.example/x'; must be a shortname "
        "like 'my-blog'"
    ]


def test_author_reply_addresses_are_checked(tmp_path):
    bios = {"amara-okafor": {"name": "Amara Okafor", "email": "amara at example.org"}}
    settings = make_settings(tmp_path / "out", AUTHORS_BIO=bios)
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines() == [
        "comments: 1 setting problem(s):",
        "  - Setting 'AUTHORS_BIO': received e-mail(s) {'amara-okafor': 'amara at example.org'}; "
        "each 'email' must be an address like 'me@example.org'",
    ]
