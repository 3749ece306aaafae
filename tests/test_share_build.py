"""Share plugin, built for real: exact links, front matter overrides, settings, quotes, pickers."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import make_settings, run_build
from pelican import Pelican
from pelican.plugins.townsquare_share.networks import NAMES
from pelican.plugins.townsquare_share.settings import ShareSettingsError, validate

SITEURL = "http://127.0.0.1:8000"
POST = f"{SITEURL}/posts/listening-tours.html"
TITLE = "Why I Traded the All-Hands Monologue for Listening Tours"
ENC_POST = "http%3A%2F%2F127.0.0.1%3A8000%2Fposts%2Flistening-tours.html"
#: X's mark as Simple Icons 16.37.0 (CC0) draws it, copied from the npm package.
X_MARK = (
    "M14.234 10.162 22.977 0h-2.072l-7.591 8.824L7.251 0H.258l9.168 13.343L.258 24H2.33l8.0"
    "16-9.318L16.749 24h6.993zm-2.837 3.299-.929-1.329L3.076 1.56h3.182l5.965 8.532.929 1.3"
    "29 7.754 11.09h-3.182z"
)
ENC_TITLE = "Why%20I%20Traded%20the%20All-Hands%20Monologue%20for%20Listening%20Tours"


def read(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def navs(page):
    return page.select("nav.ts-share[data-ts-share]")


def hrefs(nav):
    return [a["href"] for a in nav.select("a")]


def test_post_has_exact_share_links_after_the_body(sample_site):
    page = read(sample_site / "posts/listening-tours.html")
    (nav,) = navs(page)
    # A visible label names the row (issue 16: it was only an aria-label).
    assert nav.h2.get_text() == "Share this post"
    assert nav["aria-labelledby"] == nav.h2["id"] == "ts-share-after"
    assert nav.find_previous("div", class_="post-body") is not None  # after the text
    assert hrefs(nav) == [
        f"https://www.linkedin.com/sharing/share-offsite/?url={ENC_POST}",
        "http://127.0.0.1:8000/share/mastodon/ec2cabc1e225.html",
        f"https://bsky.app/intent/compose?text={ENC_TITLE}%20{ENC_POST}",
        f"https://x.com/intent/tweet?text={ENC_TITLE}&url={ENC_POST}",
        f"mailto:?subject={ENC_TITLE}&body={ENC_POST}",
    ]
    assert [a.get_text(strip=True) for a in nav.select("a")] == [
        "LinkedIn",
        "Mastodon",
        "Bluesky",
        "X",
        "Email",
    ]
    for a in nav.select("a")[:4]:
        assert a["rel"] == ["noreferrer"]  # implies noopener (the audit's noopener rule)
        assert a["target"] == "_blank"
        assert a.svg["aria-hidden"] == "true"
    # The buttons share the canonical URL, which share.js reads from the page's own link.
    assert page.select_one("link[rel=canonical]")["href"] == POST
    assert nav.select_one("button[data-ts-copy]")["data-ts-copy"] == ""
    assert nav.select_one("button[data-ts-copy]").has_attr("hidden")
    assert nav.select_one("button[data-ts-webshare]")["data-ts-webshare"] == ""
    assert nav.select_one("button[data-ts-webshare]").has_attr("hidden")
    assert nav.select(".ts-status") == []  # share.js adds it with the copy button
    # Every control shows its network's mark from the one cached sprite file.
    icons = "/theme/townsquare/share-icons.svg#"
    assert [use["href"] for use in nav.select("a svg use, button svg use")] == [
        f"{icons}{name}" for name in ("linkedin", "mastodon", "bluesky", "x", "email", "copy")
    ] + [f"{icons}webshare"]
    sprite = BeautifulSoup(
        (sample_site / "theme/townsquare/share-icons.svg").read_text("utf-8"), "xml"
    )
    symbols = {symbol["id"]: symbol.path["d"] for symbol in sprite.find_all("symbol")}
    assert list(symbols) == [*NAMES, "copy", "webshare"]
    assert symbols["x"] == X_MARK  # the Simple Icons path, unchanged
    scripts = page.select('script[src$="/theme/townsquare/share.js"]')
    assert len(scripts) == 1 and scripts[0].has_attr("defer")


def test_no_inline_handlers_styles_or_javascript_urls(sample_site):
    checked = 0
    for html in sample_site.rglob("*.html"):
        page = read(html)
        for part in page.select("nav.ts-share, blockquote.ts-quote, form.ts-mastodon"):
            checked += 1
            for tag in [part, *part.find_all(True)]:
                assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], html
                assert not any("javascript:" in str(v).lower() for v in tag.attrs.values())
    assert checked > 15  # 8 share rows, the quotes and the picker forms


def test_pages_are_shareable_and_404_and_listings_are_not(sample_site):
    (nav,) = navs(read(sample_site / "about.html"))
    assert nav.h2.get_text() == "Share this page"
    assert hrefs(nav)[0] == (
        "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2F127.0.0.1%3A8000%2Fabout.html"
    )
    for path in ("404.html", "index.html", "archives.html", "tag/trust.html"):
        assert navs(read(sample_site / path)) == [], path


def test_mastodon_picker_page_prefills_the_toot_and_lists_servers(sample_site):
    page = read(sample_site / "share/mastodon/ec2cabc1e225.html")
    form = page.select_one("form[data-ts-mastodon]")
    assert form["method"] == "get"
    assert form["action"] == "https://mastodon.social/share"
    assert form.select_one("textarea[name=text]").get_text() == f"{TITLE} {POST}"
    assert [b["formaction"] for b in form.select("button[data-ts-instance]")] == [
        "https://mastodon.social/share",
        "https://mastodon.online/share",
        "https://fosstodon.org/share",
        "https://hachyderm.io/share",
    ]
    assert form.select_one("[data-ts-own]").has_attr("hidden")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert page.select_one("main p a")["href"] == POST


def test_share_quote_renders_with_trimmed_prefilled_links(sample_site):
    page = read(sample_site / "posts/writing-in-public.html")
    quote = page.select_one("blockquote.ts-quote")
    sentence = (
        "If a sentence could appear in any company's annual report, "
        "it does not belong in your post."
    )
    assert quote.p.get_text() == sentence
    assert not quote.has_attr("data-ts-quote")
    links = quote.select(".ts-quote-share a")
    assert [a.get_text() for a in links] == ["Mastodon", "Bluesky", "X", "Email"]
    url = f"{SITEURL}/posts/writing-in-public.html"
    bluesky = parse_qs(urlsplit(links[1]["href"]).query)
    assert bluesky == {"text": [f"“{sentence}” {url}"]}
    x = parse_qs(urlsplit(links[2]["href"]).query)
    assert x == {"text": [f"“{sentence}”"], "url": [url]}
    picker = read(sample_site / urlsplit(links[0]["href"]).path.lstrip("/"))
    assert picker.select_one("textarea").get_text() == f"“{sentence}” {url}"


@pytest.fixture(scope="module")
def custom_site(tmp_path_factory):
    """The sample blog with front matter overrides, UTM, both positions, no share on pages."""
    import shutil

    from conftest import CONTENT

    root = tmp_path_factory.mktemp("share-custom")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    for name, value in (
        ("2026-03-16-comment-section-strategy.md", "off"),
        ("2026-04-06-community-is-not-a-channel.md", "reddit, hackernews, linkedin"),
        ("2026-04-20-writing-in-public.md", "off"),
    ):
        post = content / "posts" / name
        post.write_text(f"Share: {value}\n" + post.read_text(encoding="utf-8"), "utf-8")
    canonical = content / "posts" / "2026-06-01-answer-the-hard-question-first.md"
    canonical.write_text(
        "Canonical: https://leaders.example.org/hard-question?from=blog\n"
        + canonical.read_text(encoding="utf-8"),
        "utf-8",
    )
    return run_build(
        root / "output",
        PATH=str(content),
        SHARE_POSITION="both",
        SHARE_UTM={"utm_source": "{network}", "utm_medium": "share"},
        SHARE_ON_PAGES=False,
        SHARE_WEB_SHARE=False,
        # Share turned off on purpose: the audit still reports it (see test_audit_build) but
        # must not stop this markup test.
        AUDIT_FAIL_ON="never",
    )


def test_share_off_in_front_matter_removes_controls(custom_site):
    page = read(custom_site / "posts/comment-section-strategy.html")
    assert navs(page) == []
    # The one interaction stylesheet stays in <head> (comments and subscribe use it too).
    assert len(page.select('link[href$="/townsquare/interactions.css"]')) == 1
    assert page.body.select('link[href$="/townsquare/interactions.css"]') == []
    assert page.select('script[src$="share.js"]') == []


def test_share_off_keeps_quote_text_without_links(custom_site):
    quote = read(custom_site / "posts/writing-in-public.html").select_one("blockquote.ts-quote")
    assert quote.p.get_text().startswith("If a sentence could appear")
    assert quote.select("a") == []


def test_custom_list_and_both_positions_and_utm(custom_site):
    page = read(custom_site / "posts/community-is-not-a-channel.html")
    before, after = navs(page)
    assert "ts-share-before" in before["class"] and "ts-share-after" in after["class"]
    assert before.find_next("div", class_="post-body") is not None
    assert len(page.select('link[href$="/townsquare/interactions.css"]')) == 1
    assert len(page.select('script[src$="/townsquare/share.js"]')) == 1
    url = "http://127.0.0.1:8000/posts/community-is-not-a-channel.html"
    assert hrefs(before) == hrefs(after)
    decoded = [parse_qs(urlsplit(h).query) for h in hrefs(after)]
    assert decoded == [
        {
            "url": [f"{url}?utm_source=reddit&utm_medium=share"],
            "title": ["Community Is Not a Channel"],
        },
        {
            "u": [f"{url}?utm_source=hackernews&utm_medium=share"],
            "t": ["Community Is Not a Channel"],
        },
        {"url": [f"{url}?utm_source=linkedin&utm_medium=share"]},
    ]
    assert after.select_one("[data-ts-copy]")["data-ts-copy"] == (
        f"{url}?utm_source=copy&utm_medium=share"
    )
    assert after.select("[data-ts-webshare]") == []


def test_canonical_front_matter_is_the_shared_url(custom_site):
    (before, _after) = navs(read(custom_site / "posts/answer-the-hard-question-first.html"))
    linkedin = parse_qs(urlsplit(hrefs(before)[0]).query)
    assert linkedin == {
        "url": [
            "https://leaders.example.org/hard-question?from=blog"
            "&utm_source=linkedin&utm_medium=share"
        ]
    }


def test_share_on_pages_false(custom_site):
    assert navs(read(custom_site / "about.html")) == []


def test_unknown_network_in_front_matter_fails_the_build_naming_file_and_line(
    tmp_path, content_copy
):
    post = content_copy / "posts" / "2026-03-02-listening-tours.md"
    lines = post.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "Share: linkedin, myspace")
    post.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(Exception, match="safebuild: the build failed") as failure:
        run_build(tmp_path / "output", PATH=str(content_copy))
    assert (
        f"share: {post}:4: front matter 'share: linkedin, myspace' names unknown network(s) "
        "myspace; use off, on, or a comma list of: linkedin, x, facebook, mastodon, bluesky, "
        "threads, reddit, hackernews, whatsapp, telegram, email"
    ) in str(failure.value)


def test_all_setting_problems_are_listed_together():
    with pytest.raises(ShareSettingsError) as failure:
        validate(
            {
                "SITEURL": SITEURL,
                "SHARE_NETWORKS": ["linkedin", "myspace"],
                "SHARE_POSITION": "top",
                "SHARE_UTM": {"source": "x"},
                "SHARE_QUOTE_LIMITS": {"linkedin": 100},
                "SHARE_MASTODON_PATH": "../out",
            }
        )
    assert str(failure.value) == (
        "share: 5 setting problem(s):\n"
        "  - Setting 'SHARE_NETWORKS': received ['linkedin', 'myspace']; unknown network(s) "
        "'myspace'; allowed: a list drawn from linkedin, x, facebook, mastodon, bluesky, "
        "threads, reddit, hackernews, whatsapp, telegram, email\n"
        "  - Setting 'SHARE_POSITION': received 'top'; is not one of the allowed values; "
        "allowed: 'after' | 'before' | 'both'\n"
        "  - Setting 'SHARE_UTM': received {'source': 'x'}; has invalid entries ['source']; "
        "allowed: None or e.g. {'utm_source': '{network}'}\n"
        "  - Setting 'SHARE_QUOTE_LIMITS': received {'linkedin': 100}; has invalid entries "
        "['linkedin']; allowed: {name: int >= 40} for x, mastodon, bluesky, threads, "
        "whatsapp, telegram, email\n"
        "  - Setting 'SHARE_MASTODON_PATH': received '../out'; must be a relative folder path "
        "inside the output; allowed: a relative folder like 'share/m'"
    )


def test_bad_setting_stops_the_build_before_writing(tmp_path):
    settings = make_settings(tmp_path / "output", SHARE_POSITION="sidebar")
    # Pelican imports the plugin as the top-level package `share`, hence the name check.
    with pytest.raises(Exception, match="Setting 'SHARE_POSITION': received 'sidebar'") as err:
        Pelican(settings)
    assert type(err.value).__name__ == "ShareSettingsError"
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("siteurl", ["http://127.0.0.1:8000", "http://localhost", ""])
def test_publish_build_refuses_localhost_share_links(tmp_path, siteurl):
    settings = make_settings(tmp_path / "output", PUBLISH=True, SITEURL=siteurl)
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    # The kit checks SITEURL once for every plugin (pelican.plugins.townsquare.kit).
    assert type(failure.value).__name__ == "KitSettingsError"
    assert str(failure.value).startswith("townsquare: SITEURL ")
    assert str(failure.value).endswith(
        "a published site needs its public address. Fix: run "
        "`SITEURL=https://your.domain make publish` (or set SITEURL in your CI)"
    )


def test_publish_build_with_public_siteurl_is_accepted(tmp_path):
    settings = make_settings(tmp_path / "output", PUBLISH=True, SITEURL="https://x.example")
    assert validate(settings)["SHARE_POSITION"] == "after"
