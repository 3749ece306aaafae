"""Comments against a real Isso server (its own client, embed.min.js from the isso package),
served under the exact policy the build wrote into `_headers`: click to load, post a comment,
reload and see it, with no CSP violation."""

import contextlib
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import (
    ROOT,
    csp_directives,
    csp_of,
    free_port,
    launch_chromium,
    require,
    run_build,
    serve,
)

pytestmark = pytest.mark.browser

ISSO = Path(sys.executable).parent / "isso"
ARTIFACTS = ROOT / "test-artifacts"
POST = "posts/listening-tours.html"
TEXT = "Listening tours worked for our team too — thanks for writing this up."


def _wait_until_answering(url, process):
    """Poll url until the server answers (or the process dies); no fixed sleeps."""
    for _attempt in range(200):
        if process.poll() is not None:
            pytest.fail(f"isso exited early: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=0.5) as response:
                if response.status == 200:
                    return
        except OSError:
            with contextlib.suppress(subprocess.TimeoutExpired):  # a short pause
                process.wait(timeout=0.05)
    pytest.fail(f"isso did not answer at {url}")


@pytest.fixture(scope="module")
def isso_site(tmp_path_factory):
    """A real Isso server (temp database) and the sample blog built to use it, both served."""
    require(ISSO.exists(), "isso (pip install -r requirements-dev.txt)")
    root = tmp_path_factory.mktemp("comments-isso")
    site_port, isso_port = free_port(), free_port()
    origin, isso = f"http://127.0.0.1:{site_port}", f"http://127.0.0.1:{isso_port}"
    config = root / "isso.cfg"
    config.write_text(
        "[general]\n"
        f"dbpath = {root / 'comments.db'}\n"
        f"host = {origin}/\n"
        "[server]\n"
        f"listen = {isso}/\n"
        "[guard]\nenabled = false\n"
        "[moderation]\nenabled = false\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [str(ISSO), "-c", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_answering(f"{isso}/config", process)
        out = run_build(
            root / "output", SITEURL=origin, COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=isso
        )
        server = serve(out, site_port, headers={"Content-Security-Policy": csp_of(out)})
        yield origin, isso_port, out
        server.shutdown()
        server.server_close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_isso_markup_names_the_thread_and_its_title(isso_site):
    from bs4 import BeautifulSoup

    _origin, isso_port, out = isso_site
    page = BeautifulSoup((out / POST).read_text(encoding="utf-8"), "lxml")
    box = page.select_one("#comments [data-ts-embed]")
    assert box["id"] == "isso-thread"
    assert box["data-isso"] == f"http://127.0.0.1:{isso_port}/"
    assert box["data-isso-id"] == f"/{POST}"
    assert box["data-title"] == "Why I Traded the All-Hands Monologue for Listening Tours"
    assert box["data-ts-src"] == f"http://127.0.0.1:{isso_port}/js/embed.min.js"
    # Isso's identicons are drawn with style= attributes, which the strict policy refuses.
    assert box["data-isso-avatar"] == "false"
    isso = f"http://127.0.0.1:{isso_port}"
    policy = csp_directives(out)
    assert [policy[d] for d in ("script-src", "style-src", "connect-src", "img-src")] == [
        f"'self' {isso}",
        f"'self' {isso}",
        f"'self' {isso}",
        f"'self' data: {isso}",
    ]


def test_comment_round_trip_through_a_real_isso_server(isso_site):
    from playwright.sync_api import expect, sync_playwright

    origin, isso_port, _out = isso_site
    to_isso = f"127.0.0.1:{isso_port}"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        tab = browser.new_page(viewport={"width": 1000, "height": 900})
        requests, violations = [], []
        tab.on("request", lambda request: requests.append(request.url))
        tab.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )

        tab.goto(f"{origin}/{POST}", wait_until="networkidle")
        assert requests and not [url for url in requests if to_isso in url]
        show = tab.get_by_role("button", name="Show comments")
        show.click()
        tab.locator("#isso-thread textarea").fill(TEXT)
        tab.locator("#isso-thread input[name=author]").fill("Jordan")
        tab.locator("#isso-thread input[type=submit]").click()
        expect(tab.locator("#isso-root .isso-comment .isso-text")).to_contain_text(TEXT)
        assert [url for url in requests if to_isso in url]

        requests.clear()
        tab.reload(wait_until="networkidle")
        assert not [url for url in requests if to_isso in url]
        expect(tab.locator("#isso-root .isso-comment")).to_have_count(0)
        tab.get_by_role("button", name="Show comments").click()
        comment = tab.locator("#isso-root .isso-comment")
        expect(comment.locator(".isso-text")).to_have_text(TEXT)
        expect(comment.locator(".isso-author")).to_have_text("Jordan")
        # Isso's stylesheet applied (same policy): its postbox is laid out by isso.css.
        assert tab.locator("#isso-style").get_attribute("href") == f"http://{to_isso}/css/isso.css"
        assert violations == []
        assert tab.locator("[data-ts-fallback]").is_hidden()
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "comments-isso.png"), full_page=True)
        browser.close()
