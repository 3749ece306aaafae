"""Every template and partial of the kit escapes whatever a leader writes.

Two posts sharing their tags (so each is the other's "Read next"), a page, a draft and a share
quote carry a hostile value in every field the kit prints: title, category, lang, image URL and
alt text, tags, author, summary, Open Graph overrides, comment links, the site's name and the
author's bio. The site is built with the kit's theme and with a foreign one (notmyidea); every
written page is read with an HTML5 parser, and no element or attribute the payload carries may
appear. A recorder on Jinja's file loader proves every template file of the kit was rendered.
"""

import shutil
from collections import Counter
from pathlib import Path

import html5lib
import jinja2
import pytest
from conftest import run_build

import pelican.plugins.townsquare as kit_package
from pelican.plugins.townsquare.escaping import kit_theme_path

#: Breaks out of double- and single-quoted attributes and of <script>/<title>, then opens an
#: element with an attribute: if either shows up in a parsed page, something was not escaped.
TAG = "x-ts-evil"
RAW = f"\"'></script></title><{TAG} {TAG}=1>"
#: The same element written as entities: a template that unescapes (striptags) and then prints
#: without escaping turns it back into markup.
ENTITIES = f"&lt;{TAG} {TAG}=1&gt;"
EVIL = f"{RAW} {ENTITIES}"
IMAGE = f"https://img.example/cover.png?q={RAW}"

POST = """Title: {name} {evil}
Date: {date}
Category: Ops {evil}
Tags: one {evil}, two {evil}
Author: Eve {evil}
Summary: Short summary {entities} "quoted" 'single'
Image: {image}
Image_alt: Alt {evil}
Og_title: OG {evil}
Og_description: Described {evil}
Mastodon: https://social.example/@eve/1
Linkedin: https://www.linkedin.example/feed/update/1
{extra}
Body of the post.

> [!share]
> A quote to share {entities} "quoted" 'single'
"""

#: The kit the build runs: the installed one (test_journey runs this suite in a copy of the
#: repository whose kit is the outer checkout's editable install), not necessarily ROOT's.
KIT = Path(kit_package.__file__).resolve().parents[2]
PLUGIN_TEMPLATES = sorted((KIT / "plugins").glob("townsquare*/templates"))
KIT_TEMPLATE_FOLDERS = [Path(kit_theme_path()) / "templates", *PLUGIN_TEMPLATES]


#: Partials only a theme's own templates include (the injection into foreign themes adds the
#: metadata, feed links, share, comment and subscribe pieces).
INCLUDED_ONLY = {"preview_head.html", "preview_link.html", "read_next.html", "replies_head.html"}


def kit_templates():
    """Every template file the kit ships (theme and plugins), as resolved absolute paths."""
    return {path.resolve() for folder in KIT_TEMPLATE_FOLDERS for path in folder.rglob("*.html")}


def write_blog(root):
    """The hostile blog's content folder."""
    posts = root / "content" / "posts"
    pages = root / "content" / "pages"
    posts.mkdir(parents=True)
    pages.mkdir(parents=True)
    for name, date, extra in (
        ("alpha", "2026-03-01 10:00+01:00", ""),
        ("beta", "2026-03-08 10:00+01:00", ""),
        ("gamma", "2026-03-15 10:00+01:00", f"Lang: en{RAW}\n"),
        ("draft", "2026-03-20 10:00+01:00", "Status: draft\n"),
    ):
        text = POST.format(
            name=name, date=date, evil=EVIL, raw=RAW, entities=ENTITIES, image=IMAGE, extra=extra
        )
        (posts / f"{name}.md").write_text(text, encoding="utf-8")
    (pages / "about.md").write_text(
        f"Title: About {EVIL}\nSummary: About page {ENTITIES}\n\nAbout text.\n", encoding="utf-8"
    )
    (pages / "404.md").write_text(
        f"Title: Lost {EVIL}\nSlug: 404\nStatus: hidden\nSave_as: 404.html\nTemplate: 404\n"
        "\nNot here.\n",
        encoding="utf-8",
    )
    return root / "content"


def hostile_settings(root):
    """Site-wide settings with the payload in every text a template prints."""
    return {
        "PATH": str(write_blog(root)),
        "SITENAME": f"Site {EVIL}",
        "SITESUBTITLE": f"Subtitle {EVIL}",
        "AUTHOR": f"Eve {EVIL}",
        "AUTHORS_BIO": {
            "eve": {
                "name": f"Eve {EVIL}",
                "bio": f"Bio {EVIL}",
                "email": "eve@example.org",
                "links": {"mastodon": f"https://social.example/@eve?x={RAW}"},
            }
        },
        "SOCIAL": ((f"Mastodon {EVIL}", "https://social.example/@eve"),),
        "SOCIAL_CARD_CACHE": str(root / "cards"),
        "SOCIAL_DEFAULT_IMAGE_ALT": f"Default {EVIL}",
        # The payload makes titles long and languages odd: the audit's warnings are expected.
        "AUDIT_FAIL_ON": "error",
    }


class Recorder:
    """Remember every template file Jinja's FileSystemLoader reads during a build."""

    def __init__(self, monkeypatch):
        self.files = set()
        original = jinja2.FileSystemLoader.get_source

        def get_source(loader, environment, template):
            source, filename, uptodate = original(loader, environment, template)
            self.files.add(Path(filename).resolve())
            return source, filename, uptodate

        monkeypatch.setattr(jinja2.FileSystemLoader, "get_source", get_source)


def injected(output):
    """{page: how many elements and attributes of the payload it holds} for every built page."""
    found = Counter()
    for page in sorted(output.rglob("*.html")):
        tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        where = str(page.relative_to(output))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            found[where] += element.tag == TAG
            found[where] += sum(name == TAG or name.startswith("on") for name in element.attrib)
    return +found


def plain_build(root, content):
    """The same blog built by plain Pelican with notmyidea: what that theme itself lets in."""
    copy = root / "plain-content"
    shutil.copytree(content, copy)
    lost = copy / "pages" / "404.md"  # notmyidea has no 404 template: its page template
    lost.write_text(lost.read_text(encoding="utf-8").replace("Template: 404", "Template: page"))
    settings = {"PLUGINS": [], "THEME": "notmyidea", "JINJA_ENVIRONMENT": {}}
    return run_build(root / "plain", **{**hostile_settings(root), **settings, "PATH": str(copy)})


@pytest.mark.parametrize("theme", ["townsquare", "notmyidea"])
def test_every_kit_template_escapes_hostile_values(tmp_path, monkeypatch, theme):
    recorder = Recorder(monkeypatch)
    settings = hostile_settings(tmp_path)
    allowed = Counter()
    if theme != "townsquare":
        # notmyidea prints titles, tags and the language unescaped itself: the kit may add
        # nothing to what plain Pelican writes with it (its audit cannot read such pages).
        allowed = injected(plain_build(tmp_path / "plain", settings["PATH"]))
        assert allowed, "the foreign theme was expected to let some of the payload in"
        settings.update(THEME=theme, JINJA_ENVIRONMENT={}, AUDIT_FAIL_ON="never")
        recorder.files.clear()
    output = run_build(tmp_path / "output", **settings)
    pages = sorted(str(p.relative_to(output)) for p in output.rglob("*.html"))
    assert "posts/alpha.html" in pages and "drafts/draft.html" in pages
    assert any(p.startswith("preview/") for p in pages)
    added = {page: n for page, n in injected(output).items() if n > allowed[page]}
    assert added == {}
    # Every template of the kit was rendered (the foreign theme uses its own page templates).
    # A foreign theme gets only the injected pieces, not the partials a theme includes itself.
    fallback = KIT / "plugins" / "townsquare" / "templates"  # for themes without a 404 page
    unused = fallback if theme == "townsquare" else Path(kit_theme_path())
    expected = {p for p in kit_templates() if unused not in p.parents}
    if theme != "townsquare":
        expected = {p for p in expected if p.name not in INCLUDED_ONLY}
    assert sorted(map(str, expected - recorder.files)) == []
    if theme != "townsquare":
        return
    # The related links really were drawn with the hostile titles, escaped.
    alpha = (output / "posts" / "alpha.html").read_text(encoding="utf-8")
    assert 'class="ts-read-next"' in alpha
    assert "beta &#34;&#39;&gt;&lt;/script&gt;&lt;/title&gt;&lt;x-ts-evil" in alpha
