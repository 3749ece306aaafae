"""A guest in a theme it did not write: the theme's own markup never stops the build.

Each test copies Pelican's own ``simple`` theme and changes one template the way a real theme
of the corpus does (no ``lang`` on <html>, templates saved with a byte order mark, its own
BlogPosting JSON-LD, a cover looked up by category, a Disqus setting and no Disqus block), or
adds a plugin that logs an error and carries on, then builds a small blog with the kit and
reads the output with lxml and extruct.
"""

import logging
import shutil
from pathlib import Path

import extruct
import lxml.html
import pelican
import pytest
from conftest import run_build

SIMPLE = Path(pelican.__file__).parent / "themes" / "simple"
POSTS = {
    "harbour-hours.md": (
        "Title: Harbour hours\nDate: 2026-2-3 9:00\nCategory: Notes\nTags: tides\n"
        "Summary: When the office opens during the winter tides, and why we changed it.\n\n"
        "We open the harbour office an hour later in winter. The tide tables, not the clock, "
        "decide when the boats come in, and the crew asked for the change in the open forum.\n"
    ),
    "open-forum.md": (
        "Title: What the open forum changed\nDate: 2026-2-10\nCategory: Notes\n"
        "Summary: Three decisions the monthly open forum changed this winter.\n\n"
        "The open forum changed three decisions this winter: the winter hours, the slipway "
        "rota and how we announce closures. Each started as a question nobody had asked.\n"
    ),
}


def guest_theme(root, **templates):
    """A copy of Pelican's simple theme under root with templates replaced ({name: text});
    a value that is a callable gets the original text and returns the new one."""
    theme = root / "theme"
    shutil.copytree(SIMPLE, theme)
    for name, change in templates.items():
        path = theme / "templates" / f"{name}.html"
        text = path.read_text(encoding="utf-8")
        path.write_text(change(text) if callable(change) else change, encoding="utf-8")
    return theme


def build(root, theme, **settings):
    content = root / "content"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    for name, text in POSTS.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    settings = {
        "PATH": str(content),
        "THEME": str(theme),
        "SITEURL": "https://harbour.example.net",
        "RELATIVE_URLS": False,
        "AUTHOR": "Ines Duarte",
        "AUTHORS_BIO": {},
        "SOCIAL": (),
        "LINKS": (),
        "SITELOGO": "",
        "SOCIAL_DEFAULT_IMAGE": "",
        "MENUITEMS": (),
        **settings,
    }
    return run_build(root / "output", "publishconf.py", **settings)


def page(output, path="posts/harbour-hours.html"):
    text = (output / path).read_text(encoding="utf-8")
    return text, lxml.html.fromstring(text)


def test_pages_of_a_theme_without_lang_get_the_blogs_language(tmp_path):
    theme = guest_theme(
        tmp_path,
        base=lambda text: text.replace(
            '<html lang="{% block html_lang %}{{ DEFAULT_LANG }}{% endblock html_lang %}">',
            '<!-- <html> of old browsers -->\n<html class="no-js">',
        ),
    )
    output = build(tmp_path, theme, DEFAULT_LANG="pt")
    for path in ("posts/harbour-hours.html", "index.html", "category/notes.html"):
        _text, tree = page(output, path)
        assert tree.get("lang") == "pt", path
        assert tree.get("class") == "no-js", path


def test_templates_saved_with_a_byte_order_mark_do_not_fail_the_audit(tmp_path):
    # Every template starts with U+FEFF, so a page extending base.html starts with two: the
    # audit reads the page as browsers do (lang and title kept), not as libxml2 alone does.
    theme = guest_theme(tmp_path)
    for path in (theme / "templates").glob("*.html"):
        path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    output = build(tmp_path, theme)
    text, _tree = page(output, "author/ines-duarte.html")
    assert text.startswith("\ufeff\ufeff")  # author.html extends index.html extends base.html
    assert (output / "posts" / "harbour-hours.html").is_file()


def test_the_themes_own_blogposting_gives_way_to_the_kits(tmp_path):
    posting = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "BlogPosting", "headline": "{{ article.title }}"}</script>\n'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "WebSite", "name": "{{ SITENAME }}"}</script>\n'
    )
    theme = guest_theme(
        tmp_path,
        article=lambda text: text.replace("{% block content %}", "{% block content %}" + posting),
    )
    output = build(tmp_path, theme)
    text, _tree = page(output)
    data = extruct.extract(text, syntaxes=["json-ld"])["json-ld"]
    types = sorted(item["@type"] for item in data)
    assert types == ["BlogPosting", "BreadcrumbList", "WebSite"]  # the theme's WebSite kept
    (blogposting,) = [item for item in data if item["@type"] == "BlogPosting"]
    assert blogposting["headline"] == "Harbour hours"
    assert blogposting["url"] == "https://harbour.example.net/posts/harbour-hours.html"


def test_a_cover_looked_up_by_category_is_not_read_as_a_cover_key(tmp_path):
    # og:image content="{{ CATEGORY_IMAGES[article.category] }}": "category" is the lookup's
    # index, not a front matter key naming an image; CATEGORY_IMAGES is a map, not an image.
    meta = (
        '<meta property="og:image" content="{{ SITEURL }}/'
        '{{ CATEGORY_IMAGES[article.category] }}" />'
    )
    theme = guest_theme(
        tmp_path, article=lambda text: text.replace("{% block head %}", "{% block head %}" + meta)
    )
    output = build(tmp_path, theme, CATEGORY_IMAGES={"notes": "images/notes.png"})
    _text, tree = page(output)
    (image,) = tree.xpath('//meta[@property="og:image"]/@content')
    assert image.startswith("https://harbour.example.net/")
    assert "notes.png" not in image
    assert "Category" not in image


def test_a_stated_disqus_sitename_gives_posts_a_disqus_thread(tmp_path):
    output = build(tmp_path, guest_theme(tmp_path), DISQUS_SITENAME="harbour-notes")
    _text, tree = page(output)
    (embed,) = tree.xpath("//*[@data-ts-embed]")
    assert embed.get("data-ts-embed") == "disqus"
    assert tree.xpath("//section[@id='comments']//button[@data-ts-load]/text()") == [
        "Show comments"
    ]


def test_comments_provider_false_keeps_the_kits_comments_out(tmp_path):
    output = build(
        tmp_path, guest_theme(tmp_path), DISQUS_SITENAME="harbour-notes", COMMENTS_PROVIDER=False
    )
    _text, tree = page(output)
    assert tree.xpath("//*[@data-ts-embed]") == []
    assert "disqus" not in (output / "posts" / "harbour-hours.html").read_text(encoding="utf-8")


NOISY_PLUGIN = """
import logging
from pelican import signals

logger = logging.getLogger("noisy_gallery")


def complain(generator):
    logger.error("Cannot find the gallery folder %s; skipping it", "albums/")


def register():
    signals.article_generator_finalized.connect(complain)
"""


@pytest.mark.parametrize(
    ("module", "name"),
    [("noisy_gallery", "noisy_gallery"), ("noisy_photos", "pelican.plugins.noisy_photos")],
)
def test_another_plugins_logged_error_does_not_stop_the_build(tmp_path, caplog, module, name):
    # pelican-i18n-subsites logs "Cannot find translations ..." and plain Pelican builds on:
    # the safe build goes on too and says so once, naming the plugin and its message.
    caplog.set_level(logging.WARNING)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    source = NOISY_PLUGIN.replace('"noisy_gallery"', repr(name)).replace("albums/", module)
    (plugins / f"{module}.py").write_text(source, encoding="utf-8")
    from conftest import make_settings

    kit = make_settings(tmp_path / "unused", "publishconf.py")["PLUGINS"]
    output = build(
        tmp_path,
        guest_theme(tmp_path),
        PLUGIN_PATHS=[str(plugins)],
        PLUGINS=[module, *kit],
    )
    assert (output / "posts" / "harbour-hours.html").is_file()
    reports = [r.getMessage() for r in caplog.records if "other plugins logged" in r.getMessage()]
    assert reports == [
        "safebuild: other plugins logged 1 error(s) during the build; plain Pelican builds on "
        "after them, so this build went on too (each is shown above):\n"
        f"  {name}: Cannot find the gallery folder {module}; skipping it"
    ]
