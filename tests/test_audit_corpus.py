"""Page kinds on real generators' output, built at test time (no network), every page labelled.

Hugo (Debian's hugo, with a small theme written below that uses Hugo's own internal Open Graph
and schema templates, which say og:type article on every regular page), MkDocs (default theme),
Sphinx (furo and alabaster) and Pelican's built-in notmyidea and simple themes building the
fixture blog. Precision and recall of every kind must be at least 95 %.
"""

import json
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from conftest import ROOT, plain_pelican_site

pytestmark = pytest.mark.slow
TARGET = 0.95

HUGO_CONFIG = """
baseURL = "https://hugo.example.net/"
title = "Hugo corpus"
defaultContentLanguage = "en"
paginate = 2
disableKinds = ["sitemap", "robotsTXT"]
[permalinks]
  notes = "/:year/:month/:day/:slug/"
[taxonomies]
  tag = "tags"
[languages.en]
  weight = 1
  contentDir = "content/en"
[languages.fr]
  weight = 2
  contentDir = "content/fr"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} | {{ .Site.Title }}{{ end }}
</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ template "_internal/opengraph.html" . }}
{{ template "_internal/twitter_cards.html" . }}
{{ template "_internal/schema.html" . }}
{{ range .AlternativeOutputFormats }}
<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}{{ range .Translations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ if .Paginator }}
{{ with .Paginator.Prev }}<link rel="prev" href="{{ .URL | absURL }}">{{ end }}
{{ with .Paginator.Next }}<link rel="next" href="{{ .URL | absURL }}">{{ end }}
{{ end }}
</head>
<body>
<header><nav><a href="{{ .Site.Home.RelPermalink }}">Home</a>
<a href="{{ "posts/" | relLangURL }}">Posts</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><a href="{{ "index.xml" | relLangURL }}">RSS</a></footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article class="post">
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{ .Date.Format "2 January 2006" }}</time>{{ end }}
{{ .Content }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}
<li><a href="{{ "tags/" | relLangURL }}{{ . | urlize }}/">{{ . }}</a></li>
{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article class="summary">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">
{{ .Date.Format "2 Jan 2006" }}</time>{{ end }}<p>{{ .Summary }}</p></article>
{{ end }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>Page not found</h1>
<p><a href="{{ .Site.Home.RelPermalink }}">Home</a></p>{{ end }}
""",
}


def post(title, date="", tags=(), body="Text."):
    head = [f'title: "{title}"'] + ([f"date: {date}"] if date else [])
    head += [f"tags: {json.dumps(list(tags))}"] if tags else []
    return "---\n" + "\n".join(head) + "\n---\n" + body + "\n"


def build_hugo(tmp_path):
    """A small multilingual Hugo blog: posts, dated notes, a one-entry section, tags,
    pagination, an about page, a post titled like a 404, and the 404 page."""
    source = tmp_path / "hugo"
    files = {"hugo.toml": HUGO_CONFIG}
    files.update({f"layouts/{name}": text for name, text in HUGO_LAYOUTS.items()})
    files["layouts/index.html"] = HUGO_LAYOUTS["_default/list.html"]
    for i in range(1, 6):
        date = f"2024-0{i}-0{i}T10:00:00Z"
        files[f"content/en/posts/post-{i}.md"] = post(f"Post {i}", date, ["leadership", f"t{i}"])
    files["content/en/posts/custom-404-error-page.md"] = post(
        "Custom 404 Error Page", "2024-06-01T10:00:00Z", ["web"], "How we made ours friendlier."
    )
    for i in (1, 2):
        files[f"content/en/notes/note-{i}.md"] = post(f"Note {i}", f"2023-0{i}-1{i}T08:00:00Z")
    files["content/en/events/launch.md"] = post("Launch", "2024-09-01T18:00:00Z")
    files["content/en/about.md"] = post("About", body="About us.")
    for i in (1, 2, 3):
        date = f"2024-0{i}-1{i}T10:00:00Z"
        files[f"content/fr/posts/billet-{i}.md"] = post(f"Billet {i}", date, ["direction"])
    for name, text in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path / "hugo-out"
    subprocess.run(["hugo", "--quiet", "-s", str(source), "-d", str(out)], check=True)
    return out


def hugo_label(rel):
    """The true kind of a page of the Hugo site above."""
    if rel == "en/index.html" or "/page/1/" in f"/{rel}":
        return "redirect"  # Hugo's aliases: the default language and every first page
    if rel.endswith("404.html"):
        return "404"
    if rel in ("index.html", "fr/index.html"):
        return "home"
    if rel == "about/index.html":
        return "page"
    inner = rel.removeprefix("fr/")
    if "/page/" in f"/{inner}" or inner.startswith("tags/") or inner.count("/") == 1:
        return "listing"  # pagination, tag pages, section lists (posts/, notes/, events/)
    return "article"


def build_mkdocs(tmp_path):
    source = tmp_path / "mkdocs"
    pages = {
        "index.md": "# Corpus docs\n\nWelcome.\n",
        "install.md": "# Install\n\npip install it.\n",
        "usage/index.md": "# Usage\n\nUse it.\n",
        "usage/advanced.md": "# Advanced\n\nReleased 2024-03-01.\n",
    }
    for name, text in pages.items():
        (source / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (source / "docs" / name).write_text(text, encoding="utf-8")
    (source / "mkdocs.yml").write_text(
        "site_name: Corpus docs\nsite_url: https://docs.example.net/\n", encoding="utf-8"
    )
    out = tmp_path / "mkdocs-out"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(source / "mkdocs.yml"),
         "-d", str(out)],
        check=True,
    )  # fmt: skip
    return out


def build_sphinx(tmp_path, theme):
    source = tmp_path / "sphinx-src"
    pages = {
        "conf.py": 'project = "Corpus"\nhtml_baseurl = "https://sphinx.example.net/"\n',
        "index.rst": "Corpus\n======\n\n.. toctree::\n\n   install\n   usage\n   notes\n",
        "install.rst": "Install\n=======\n\nRun pip.\n",
        "usage.rst": "Usage\n=====\n\nUse it. See :ref:`genindex`.\n",
        "notes.rst": "Release notes 2024\n==================\n\n:Date: 2024-03-01\n\nNews.\n",
    }
    for name, text in pages.items():
        source.mkdir(exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path / f"sphinx-{theme}"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}",
         str(source), str(out)],
        check=True,
    )  # fmt: skip
    return out


def docs_label(rel):
    """MkDocs and Sphinx: the root index is home, 404.html a 404, everything else docs."""
    return {"index.html": "home", "404.html": "404"}.get(rel, "docs")


def pelican_label(rel):
    """The fixture blog under a built-in theme: posts and drafts are articles."""
    if rel == "index.html":
        return "home"
    if rel.startswith(("posts/", "drafts/")):
        return "article"
    if rel in ("about.html", "subscribe.html"):
        return "page"
    return "listing"  # index2, archives, tags, categories, authors and their pages


def audited_kinds(site):
    """{rel: (kind, evidence)} from the audit's JSON report, run as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "pelican.plugins.townsquare_audit", str(site), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1) and done.stderr == "", done.stderr
    report = json.loads(done.stdout)
    return {
        p["path"].removeprefix(f"{site}/"): (p["kind"], p["evidence"])
        for p in report["page_kinds"]
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, notmyidea_site):
    """[(generator, rel, expected kind, found kind, evidence)] for every page of every site."""
    if not shutil.which("hugo"):
        pytest.fail("Debian's hugo is required (apt-get install hugo)")
    tmp = tmp_path_factory.mktemp("corpus")
    sites = [
        ("hugo", build_hugo(tmp), hugo_label),
        ("mkdocs", build_mkdocs(tmp), docs_label),
        ("sphinx-furo", build_sphinx(tmp, "furo"), docs_label),
        ("sphinx-alabaster", build_sphinx(tmp, "alabaster"), docs_label),
        ("pelican-notmyidea", notmyidea_site, pelican_label),
        ("pelican-simple", plain_pelican_site(tmp, "simple"), pelican_label),
    ]
    rows = []
    for generator, site, label in sites:
        for rel, (kind, evidence) in sorted(audited_kinds(site).items()):
            rows.append((generator, rel, label(rel), kind, evidence))
    return rows


def test_the_corpus_covers_every_kind_and_generator(corpus):
    assert Counter(expected for _, _, expected, _, _ in corpus).keys() == {
        "article", "page", "home", "listing", "404", "redirect", "docs"
    }  # fmt: skip
    assert len({generator for generator, *_ in corpus}) == 6
    assert len(corpus) > 120


@pytest.mark.parametrize("kind", ["article", "page", "home", "listing", "404", "redirect", "docs"])
def test_precision_and_recall_per_kind(corpus, kind):
    true_positive = sum(1 for *_, want, got, _ in corpus if want == got == kind)
    predicted = sum(1 for *_, got, _ in corpus if got == kind)
    actual = sum(1 for *_, want, _, _ in corpus if want == kind)
    wrong = [
        f"{generator}:{rel} labelled {want}, found {got} ({', '.join(evidence)})"
        for generator, rel, want, got, evidence in corpus
        if kind in (want, got) and want != got
    ]
    assert true_positive / predicted >= TARGET, wrong
    assert true_positive / actual >= TARGET, wrong


def test_the_hard_cases_are_right(corpus):
    found = {(generator, rel): got for generator, rel, _, got, _ in corpus}
    assert found["hugo", "posts/custom-404-error-page/index.html"] == "article"
    assert found["hugo", "about/index.html"] == "page"  # og:type article from Hugo's template
    assert found["hugo", "fr/tags/direction/index.html"] == "listing"
    assert found["hugo", "events/index.html"] == "listing"  # one entry, og:type website
    assert found["hugo", "2023/01/11/note-1/index.html"] == "article"  # a dated path
    assert found["sphinx-furo", "install.html"] == "docs"  # furo wraps it in one <article>
    assert re.match(r"article", found["pelican-notmyidea", "posts/listening-tours.html"])
