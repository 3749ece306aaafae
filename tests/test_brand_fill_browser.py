"""BRAND_COLOR is kept as the fill of buttons in Debian chromium: read from computed styles.

#ff6b00 used to become brown #ba4e00 in light mode and navy turned grey in dark mode, so the
header's Subscribe button no longer showed the brand (or looked disabled)."""

import colorsys
import re

import pytest
from conftest import served_build
from test_contrast_browser import CONTRAST

pytestmark = pytest.mark.browser

POST = "posts/listening-tours.html"
BUTTON = "getComputedStyle(document.querySelector('.site-nav .nav-cta')).backgroundColor"


def _rgb(css):
    return tuple(int(n) for n in re.findall(r"\d+", css)[:3])


def _hls(rgb):
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb))


@pytest.mark.parametrize("colour", ["#ff6b00", "#1e3a5f", "#2e7d32"])
def test_the_header_button_is_filled_with_the_brand_colour_in_light_and_dark(
    browser, tmp_path_factory, colour
):
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    found, problems = {}, {}
    with served_build(tmp_path_factory, "fill", BRAND_COLOR=colour) as (origin, _out):
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            page.goto(f"{origin}/{POST}")
            found[scheme] = _rgb(page.evaluate(BUTTON))
            problems[scheme] = page.evaluate(CONTRAST)  # its label still reaches 4.5:1
            page.close()
    assert found["light"] == brand
    hue, _lightness, saturation = _hls(found["dark"])
    brand_hue, _l, brand_saturation = _hls(brand)
    assert abs(hue - brand_hue) * 360 <= 6  # same hue in dark mode ...
    assert saturation >= 0.8 * brand_saturation  # ... not washed out to grey
    assert problems == {"light": [], "dark": []}
