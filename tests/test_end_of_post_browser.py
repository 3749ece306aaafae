"""The end of a post in Debian chromium, read from layout and accessible names: tags, share,
the author with labelled follow links and a role, the conversation, subscribe, then three
read-next cards with one image size and previous/next as one full-width bar."""

import pytest
from conftest import make_settings, served_build

pytestmark = pytest.mark.browser

POST = "posts/writing-in-public.html"  # by Amara, with a previous and a next post
DESKTOP = {"width": 1280, "height": 900}
ORDER = [
    ".post-tags",
    "article nav[data-ts-share]:last-of-type",
    ".author-box",
    "#comments",
    ".subscribe-area.in-post",
    "nav.ts-read-next",
]
TOPS = """(selectors) => selectors.map((s) => {
  const all = document.querySelectorAll(s);
  return all.length ? Math.round(all[all.length - 1].getBoundingClientRect().top) : null;
})"""
THUMBS = """() => [...document.querySelectorAll('.ts-related .ts-thumb')].map((t) => {
  const box = t.getBoundingClientRect(), img = t.querySelector('img');
  return [box.width, box.height, img ? img.naturalWidth > 0 : 'tint',
          getComputedStyle(t).backgroundImage !== 'none'];
})"""


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    bios = make_settings(tmp_path_factory.mktemp("bios"))["AUTHORS_BIO"]
    bios = {**bios, "amara-okafor": {**bios["amara-okafor"], "role": "Chief executive"}}
    with served_build(tmp_path_factory, "endofpost", AUTHORS_BIO=bios) as (origin, _out):
        yield origin


@pytest.fixture
def page(browser, origin):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{origin}/{POST}")
    yield page
    context.close()


def test_the_end_of_a_post_runs_tags_share_author_conversation_subscribe_read_next(page):
    tops = page.evaluate(TOPS, ORDER)
    assert None not in tops, dict(zip(ORDER, tops, strict=True))
    assert tops == sorted(tops), dict(zip(ORDER, tops, strict=True))
    heading = page.locator("#comments h2")
    assert heading.inner_text() == "Join the conversation"


def test_the_author_box_has_a_role_and_labelled_follow_links(page):
    box = page.locator(".author-box")
    assert box.locator(".author-role").inner_text() == "Chief executive"
    for network, host in (
        ("LinkedIn", "www.linkedin.example"),
        ("Mastodon", "mastodon.example"),
        ("Bluesky", "bsky.example"),
    ):
        link = box.get_by_role("link", name=f"Follow Amara on {network}", exact=True)
        assert link.count() == 1 and host in link.get_attribute("href")
        size = link.bounding_box()
        assert size["height"] >= 44
        assert link.locator("svg").bounding_box()["width"] == 18  # an icon on every follow


def test_read_next_shows_three_cards_with_one_image_size(page):
    page.locator(".ts-related").scroll_into_view_if_needed()  # the images load lazily
    page.wait_for_function(
        "[...document.querySelectorAll('.ts-related img')].every((i) => i.complete)"
    )
    thumbs = page.evaluate(THUMBS)
    assert len(thumbs) == 3
    for side in (0, 1):  # one slot size
        assert max(t[side] for t in thumbs) - min(t[side] for t in thumbs) < 0.5, thumbs
    width, height, *_ = thumbs[0]
    assert width > 150 and abs(width / height - 16 / 9) < 0.02
    assert all(loaded is True or loaded == "tint" for _w, _h, loaded, _bg in thumbs)


def test_previous_and_next_are_one_full_width_bar(page):
    bar = page.locator(".ts-prev-next").bounding_box()
    column = page.locator("nav.ts-read-next").bounding_box()
    assert round(bar["width"]) == round(column["width"])
    prev, nxt = (page.locator(f".ts-prev-next [rel={r}]").bounding_box() for r in ("prev", "next"))
    assert round(prev["y"]) == round(nxt["y"])  # side by side, one row
    assert round(prev["x"]) == round(bar["x"]) + 1  # inside the bar's border
    assert round(nxt["x"] + nxt["width"]) == round(bar["x"] + bar["width"]) - 1


BUTTONS = """() => [...document.querySelectorAll(
  '.ts-share a, .author-follow a, #comments ul a, .ts-ways a, .post-tags .tag')]
  .filter((el) => el.getBoundingClientRect().width > 0)
  .map((el) => { const s = getComputedStyle(el);
    return [s.fontSize, s.fontWeight, s.borderTopLeftRadius, s.minHeight]; })"""


def test_share_follow_reply_subscribe_and_tag_buttons_are_one_button_family(page):
    # Five pill families (14.4 vs 17 px text, three weights, three radii) became one.
    styles = page.evaluate(BUTTONS)
    assert len(styles) >= 15
    assert set(map(tuple, styles)) == {("15.2px", "600", "8px", "44px")}
