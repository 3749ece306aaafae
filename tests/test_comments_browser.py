"""Comments in Debian chromium under the site's own CSP: no violations, click-to-load, Mastodon."""

import functools
import json

import pytest
from conftest import FIXTURES, ROOT, served_build

pytestmark = pytest.mark.browser

POST = "posts/listening-tours.html"
TOOT_ID = "113456789012345678"
HOSTILE_REPLY = (
    '<p>Great post <script>alert(1)</script><img src="https://evil.example/x.png" '
    'onerror="alert(2)"> &amp; <b>more</b></p>'
)
GISCUS = {
    "COMMENTS_GISCUS_REPO": "townsquare/blog",
    "COMMENTS_GISCUS_REPO_ID": "R_kgDOExample",
    "COMMENTS_GISCUS_CATEGORY": "Comments",
    "COMMENTS_GISCUS_CATEGORY_ID": "DIC_kwDOExample4Cabc",
}


#: The fixture blog, built for a random port and served with its `_headers` CSP.
served = functools.partial(served_build, name="comments-csp", csp=True)


class Watch:
    """Console CSP violations, page errors and requests of one tab."""

    def __init__(self, tab):
        self.violations, self.errors, self.requests = [], [], []
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.errors.append(str(error)))
        tab.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def to(self, host):
        return [url for url in self.requests if f"//{host}/" in url]


def test_theme_pages_pass_the_strict_default_policy(browser, tmp_path_factory):
    with served(tmp_path_factory) as (origin, out):
        picker = sorted((out / "share" / "mastodon").glob("*.html"))[0].relative_to(out)
        paths = [
            "",
            POST,
            "posts/writing-in-public.html",
            "about.html",
            "subscribe.html",
            "archives.html",
            "categories.html",
            "tag/trust.html",
            "404.html",
            str(picker),
        ]
        tab = browser.new_page()
        watch = Watch(tab)
        for path in paths:
            tab.goto(f"{origin}/{path}", wait_until="load")
            assert watch.violations == [], path
        assert watch.errors == []
        # A feed is data, not a page: no XSLT (browsers are removing it, and Chromium warns on
        # it); Chromium shows it in its own XML viewer, whose built-in <style> any strict
        # style-src blocks on any site (the tree then shows unstyled). Nothing else is refused.
        feed = tab.goto(f"{origin}/feeds/all.atom.xml", wait_until="load")
        assert b"xml-stylesheet" not in feed.body()
        assert tab.locator("style#xml-viewer-style").count() == 1
        assert "XSLT" not in tab.locator("body").inner_text()
        assert all("Applying inline style violates" in v for v in watch.violations)
        # The header is really enforced: an inline script is refused.
        tab.goto(f"{origin}/{POST}")
        with pytest.raises(Exception):  # noqa: B017 - Playwright's error for a refused tag
            tab.add_script_tag(content="document.title = 'inline ran'")
        assert tab.title() != "inline ran"
        tab.close()


def test_mastodon_replies_load_on_click_as_plain_text(browser, tmp_path_factory):
    context = {
        "ancestors": [],
        "descendants": [
            {
                "url": f"https://mastodon.example/@jordan/{int(TOOT_ID) + 1}",
                "content": HOSTILE_REPLY,
                "account": {"display_name": "Jordan <i>Lee</i>", "acct": "jordan"},
            },
            {
                "url": "javascript:alert(3)",
                "content": "<p>Second</p>",
                "account": {"display_name": "", "acct": "sam@other.example"},
            },
            {
                "url": "HTTPS://other.example/@kim/3",  # the scheme check ignores case
                "content": '<p style="color:red">Line one<br>Line two</p><p>Para &lt;3</p>',
                "account": {"display_name": "Kim", "acct": "kim@other.example"},
            },
        ],
    }
    with served(tmp_path_factory, COMMENTS_PROVIDER="mastodon") as (origin, _out):
        tab = browser.new_page()
        tab.route(
            f"https://mastodon.example/api/v1/statuses/{TOOT_ID}/context",
            lambda route: route.fulfill(
                json=context, headers={"Access-Control-Allow-Origin": "*"}
            ),
        )
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        watch = Watch(tab)
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        assert watch.to("mastodon.example") == []
        section = tab.locator("#comments")
        # Keyboard: focus the button and press Enter.
        section.get_by_role("button", name="Show comments").focus()
        tab.keyboard.press("Enter")
        items = section.locator(".ts-toots li")
        items.nth(2).wait_for()
        assert section.locator("[role=status]").inner_text() == "3 replies on Mastodon:"
        first, second = items.nth(0), items.nth(1)
        assert first.locator("a").inner_text() == "Jordan <i>Lee</i>"
        assert first.locator("a").get_attribute("href") == context["descendants"][0]["url"]
        assert first.locator("p").inner_text() == "Great post & more"
        assert second.locator("a").inner_text() == "sam@other.example"
        # A non-https reply URL is replaced by the toot's own address.
        assert second.locator("a").get_attribute("href") == (
            f"https://mastodon.example/@amara/{TOOT_ID}"
        )
        third = items.nth(2)
        assert third.locator("a").get_attribute("href") == "HTTPS://other.example/@kim/3"
        assert third.locator("p").inner_text() == "Line one\nLine two\nPara <3"
        assert section.locator(".ts-toots img, .ts-toots script, .ts-toots b").count() == 0
        assert section.locator(".ts-toots [style]").count() == 0
        assert watch.to("mastodon.example") == [
            f"https://mastodon.example/api/v1/statuses/{TOOT_ID}/context"
        ]
        assert watch.to("evil.example") == []
        assert (dialogs, watch.violations, watch.errors) == ([], [], [])
        tab.close()


def test_giscus_loads_only_after_the_click_with_the_readers_theme(browser, tmp_path_factory):
    with served(tmp_path_factory, COMMENTS_PROVIDER="giscus", **GISCUS) as (origin, _out):
        context = browser.new_context(color_scheme="dark")
        tab = context.new_page()
        tab.route("https://giscus.app/**", lambda route: route.abort())  # stay offline
        watch = Watch(tab)
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        assert watch.to("giscus.app") == []
        assert tab.locator("script[src^='https://giscus.app']").count() == 0
        tab.get_by_role("button", name="Show comments").click()
        script = tab.locator("#comments script[src='https://giscus.app/client.js']")
        script.wait_for(state="attached")
        attributes = script.evaluate(
            "s => Object.fromEntries([...s.attributes].map(a => [a.name, a.value]))"
        )
        assert attributes["data-theme"] == "dark"
        assert attributes["data-repo-id"] == "R_kgDOExample"
        assert attributes["crossorigin"] == "anonymous"
        assert "data-ts-src" not in attributes
        assert tab.get_by_role("button", name="Show comments").is_hidden()
        assert watch.to("giscus.app") == ["https://giscus.app/client.js"]
        assert watch.violations == []
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        tab.locator("#comments").screenshot(path=str(artifacts / "comments-giscus-dark.png"))
        context.close()


def test_remembered_consent_loads_comments_on_the_next_post(browser, tmp_path_factory):
    settings = {"COMMENTS_PROVIDER": "giscus", "COMMENTS_REMEMBER_CONSENT": True, **GISCUS}
    with served(tmp_path_factory, **settings) as (origin, _out):
        context = browser.new_context()
        tab = context.new_page()
        tab.route("https://giscus.app/**", lambda route: route.abort())
        tab.goto(f"{origin}/{POST}")
        tab.get_by_role("button", name="Show comments").click()
        assert tab.evaluate("localStorage.getItem('ts-comments-consent')") == "giscus"
        tab.goto(f"{origin}/posts/writing-in-public.html")
        tab.locator("#comments script[src='https://giscus.app/client.js']").wait_for(
            state="attached"
        )
        assert tab.get_by_role("button", name="Show comments").is_hidden()
        context.close()


def test_utterances_gets_plain_attributes(browser, tmp_path_factory):
    settings = {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "town/blog"}
    with served(tmp_path_factory, **settings) as (origin, _out):
        tab = browser.new_page(color_scheme="light")
        tab.route("https://utteranc.es/**", lambda route: route.abort())
        tab.goto(f"{origin}/{POST}")
        tab.get_by_role("button", name="Show comments").click()
        script = tab.locator("#comments script[src='https://utteranc.es/client.js']")
        script.wait_for(state="attached")
        names = json.loads(
            script.evaluate("s => JSON.stringify([...s.attributes].map(a => a.name))")
        )
        assert sorted(names) == ["async", "crossorigin", "issue-term", "repo", "src", "theme"]
        assert script.get_attribute("theme") == "github-light"
        tab.close()


def keyboard_to_fallback(tab):
    """Press "Show comments" with the keyboard; return the fallback line once it shows."""
    section = tab.locator("#comments")
    section.get_by_role("button", name="Show comments").focus()
    tab.keyboard.press("Enter")
    fallback = section.locator("[data-ts-fallback]")
    fallback.wait_for(state="visible")
    return section, fallback


def test_blocked_provider_shows_the_email_fallback_with_keyboard_focus(browser, tmp_path_factory):
    with served(tmp_path_factory, COMMENTS_PROVIDER="giscus", **GISCUS) as (origin, _out):
        tab = browser.new_page()
        tab.route("https://giscus.app/**", lambda route: route.abort("blockedbyclient"))
        watch = Watch(tab)
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        section, fallback = keyboard_to_fallback(tab)
        assert fallback.inner_text() == "Comments could not load — reply by email instead."
        assert fallback.get_attribute("role") == "alert"
        assert tab.evaluate("document.activeElement.hasAttribute('data-ts-fallback')")
        tab.keyboard.press("Tab")
        focused = tab.evaluate("[document.activeElement.textContent, document.activeElement.href]")
        assert focused == [
            "reply by email",
            section.locator("a[data-ts-reply=email]").get_attribute("href"),
        ]
        assert section.get_by_role("button", name="Show comments").is_hidden()
        assert section.locator("[data-ts-embed]").get_attribute("data-ts-state") == "failed"
        assert (watch.violations, watch.errors) == ([], [])
        tab.close()


def test_provider_that_never_draws_times_out_into_the_fallback(browser, tmp_path_factory):
    settings = {"COMMENTS_PROVIDER": "giscus", "COMMENTS_TIMEOUT": 1, **GISCUS}
    with served(tmp_path_factory, **settings) as (origin, _out):
        tab = browser.new_page()
        # The script loads but draws nothing (a provider outage, or a script error).
        tab.route(
            "https://giscus.app/**",
            lambda route: route.fulfill(
                body="throw new Error('down')", content_type="text/javascript"
            ),
        )
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        box = tab.locator("#comments [data-ts-embed]")
        _section, fallback = keyboard_to_fallback(tab)
        assert box.get_attribute("data-ts-state") == "failed"
        assert fallback.is_visible()
        tab.close()


def test_a_provider_that_draws_keeps_the_fallback_hidden(browser, tmp_path_factory):
    with served(tmp_path_factory, COMMENTS_PROVIDER="giscus", **GISCUS) as (origin, _out):
        tab = browser.new_page()
        tab.route(
            "https://giscus.app/client.js",
            lambda route: route.fulfill(body=GISCUS_STAND_IN, content_type="text/javascript"),
        )
        tab.route(
            "https://giscus.app/default.css",
            lambda route: route.fulfill(
                body=".giscus-frame{border:none}", content_type="text/css"
            ),
        )
        tab.route(
            "https://giscus.app/en/widget**",
            lambda route: route.fulfill(
                body="<!doctype html><title>w</title><p>Thread</p>", content_type="text/html"
            ),
        )
        watch = Watch(tab)
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        tab.get_by_role("button", name="Show comments").click()
        frame = tab.locator("#comments iframe.giscus-frame")
        frame.wait_for()
        box = tab.locator("#comments [data-ts-embed]")
        assert box.get_attribute("data-ts-state") == "loaded"
        tab.wait_for_load_state("networkidle")
        assert tab.locator("[data-ts-fallback]").is_hidden()
        # giscus's stylesheet and frame pass the policy; the frame spans the column.
        assert watch.to("giscus.app") == [
            "https://giscus.app/client.js",
            "https://giscus.app/default.css",
            "https://giscus.app/en/widget?theme=light",
        ]
        assert frame.bounding_box()["width"] == box.bounding_box()["width"]
        assert watch.violations == []
        tab.close()


#: A stand-in for giscus.app/client.js (not published on any registry we can reach): it makes
#: the loads the published client makes (giscus/giscus, client.ts): a <link> to default.css on
#: its own origin prepended to <head>, and an iframe to /LANG/widget after its script tag.
GISCUS_STAND_IN = """
(function () {
  var script = document.currentScript, origin = new URL(script.src).origin;
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = origin + "/default.css";
  document.head.prepend(link);
  var holder = document.createElement("div");
  holder.className = "giscus";
  var frame = document.createElement("iframe");
  frame.className = "giscus-frame";
  frame.src = origin + "/" + script.dataset.lang + "/widget?theme=" + script.dataset.theme;
  frame.style.opacity = "0";
  frame.addEventListener("load", function () { frame.style.removeProperty("opacity"); });
  holder.appendChild(frame);
  script.insertAdjacentElement("afterend", holder);
})();
"""


#: A stand-in for utteranc.es/client.js (the registry's `utterances` package is a 2017 build
#: that differs from what utteranc.es serves): it inserts the <style> the served client inserts
#: (tests/fixtures/comments/utterances-style.css, byte for byte) and the framed thread.
UTTERANCES_STAND_IN = """
(function () {
  var script = document.currentScript;
  document.head.insertAdjacentHTML("afterbegin", "<style>" + STYLE + "</style>");
  var holder = document.createElement("div");
  holder.className = "utterances";
  var frame = document.createElement("iframe");
  frame.className = "utterances-frame";
  frame.src = "https://utteranc.es/utterances.html?repo=" + script.getAttribute("repo");
  holder.appendChild(frame);
  script.insertAdjacentElement("afterend", holder);
  holder.style.height = "400px";
})();
"""


def test_utterances_inline_style_passes_by_its_hash(browser, tmp_path_factory):
    style = (FIXTURES / "comments" / "utterances-style.css").read_text("utf-8")
    script = UTTERANCES_STAND_IN.replace("STYLE", json.dumps(style))
    settings = {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "town/blog"}
    with served(tmp_path_factory, **settings) as (origin, _out):
        tab = browser.new_page()
        tab.route(
            "https://utteranc.es/client.js",
            lambda route: route.fulfill(body=script, content_type="text/javascript"),
        )
        tab.route(
            "https://utteranc.es/utterances.html**",
            lambda route: route.fulfill(
                body="<!doctype html><title>u</title><p>Thread</p>", content_type="text/html"
            ),
        )
        watch = Watch(tab)
        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        tab.get_by_role("button", name="Show comments").click()
        frame = tab.locator("#comments iframe.utterances-frame")
        frame.wait_for()
        tab.wait_for_load_state("networkidle")
        # The inserted <style> applied: the frame is absolutely placed over its holder.
        assert frame.evaluate("f => getComputedStyle(f).position") == "absolute"
        assert tab.evaluate("document.head.firstElementChild.tagName") == "STYLE"
        box = tab.locator("#comments [data-ts-embed]").bounding_box()
        assert frame.bounding_box()["width"] == box["width"]
        assert frame.bounding_box()["height"] == 400
        assert watch.violations == []
        tab.close()
