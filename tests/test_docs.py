"""The documentation: docs/ builds with Sphinx warnings as errors, every link inside it reaches
a page and anchor that exist, the kit's own audit passes it, the generated settings reference
lists every declared setting, a new page needs no index edit, and README.md stays short.

Links to other sites are not checked: the machines that run the tests may not reach them.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, townsquare
from lxml import html
from PIL import Image
from test_publish_configs import KIT_DOCS_GITLAB, load_yaml, makefile_recipe
from test_settings_documented import declared

DOCS = ROOT / "docs"
SITEURL = "https://amara.github.io/townsquare-blog"
README_LIMIT = 12 * 1024
#: What `make docs` runs: Sphinx's HTML builder, warnings as errors, every warning listed.
SPHINX = (sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "--no-color", "-b", "html")


def build_docs(source, out):
    """Build source (a docs folder) into out as `make docs` does; the finished process."""
    doctrees = out.parent / f"{out.name}-doctrees"
    return subprocess.run(
        [*SPHINX, "-d", str(doctrees), str(source), str(out)],
        env={**os.environ, "SITEURL": SITEURL},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="session")
def docs_build(tmp_path_factory):
    """The repository's docs/ built once for the session: (finished process, output folder)."""
    out = tmp_path_factory.mktemp("docs-site") / "docs"
    return build_docs(DOCS, out), out


def page_tree(path):
    return html.fromstring(path.read_bytes())


def docs_audit_options():
    """The audit options `make docs` uses (DOCS_AUDIT_OPTS in the Makefile)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    (value,) = re.findall(r"^DOCS_AUDIT_OPTS \?= (.*)$", text, flags=re.M)
    return shlex.split(value)


def test_docs_build_with_warnings_as_errors_and_print_no_warning(docs_build):
    result, out = docs_build
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (out / "index.html").is_file()


def test_every_docs_page_is_built_and_listed_on_the_front_page(docs_build):
    _, out = docs_build
    pages = sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "index")
    assert len(pages) >= 20
    toc = page_tree(out / "index.html").xpath("//div[@class='toctree-wrapper compound']//a/@href")
    assert sorted(href for href in toc if "#" not in href) == sorted(f"{p}.html" for p in pages)


def _targets(out, folder, href):
    """(file, fragment) an internal href leads to, or None for links to other sites."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = (folder / unquote(parts.path)).resolve() if parts.path else None
    return target, unquote(parts.fragment)


def test_every_internal_link_reaches_a_page_and_an_anchor(docs_build):
    _, out = docs_build
    ids = {}
    checked = 0
    broken = []
    for page in sorted(out.rglob("*.html")):
        for href in page_tree(page).xpath("//a/@href | //link[@rel='stylesheet']/@href"):
            found = _targets(out, page.parent, href)
            if found is None:
                continue
            target, fragment = found
            target = target or page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(out)}: {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(page_tree(target).xpath("//@id | //a/@name"))
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(out)}: {href} (no such anchor)")
            checked += 1
    assert broken == []
    assert checked > 500


def test_settings_reference_lists_every_declared_setting(docs_build):
    _, out = docs_build
    tree = page_tree(out / "settings.html")
    rows = tree.xpath("//table[contains(@class, 'settings-reference')]/tbody/tr")
    cells = {
        row.xpath("string(td[1])"): (row.xpath("string(td[2])"), row.xpath("string(td[3])"))
        for row in rows
    }
    assert set(cells) == declared()
    assert len(rows) == len(cells)  # each setting once
    assert cells["FEEDS_LIMIT"] == ("20", "None or an int >= 1")
    assert cells["AUDIT_IGNORE"] == ("['drafts/*', 'preview/*']", "see its page")
    # Each plugin's table links the page that explains its settings.
    links = tree.xpath("//section[@id='settings-townsquare-share']//a/@href")
    assert links == ["#settings-townsquare-share", "share.html"]


def test_docs_pages_carry_sharing_metadata_and_a_card(docs_build):
    _, out = docs_build
    tree = page_tree(out / "share.html")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.xpath("//meta")}
    canonical = tree.xpath("string(//link[@rel='canonical']/@href)")
    assert canonical == f"{SITEURL}/docs/share.html"
    assert meta["og:url"] == canonical
    assert meta["og:title"] == "Share buttons"
    assert meta["og:image"] == f"{SITEURL}/docs/_cards/share.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["description"].startswith("Every post and page gets a share row")
    assert len(meta["description"]) <= 200
    with Image.open(out / "_cards" / "share.png") as card:
        assert card.size == (1200, 630)


def test_docs_pass_the_kits_own_audit(docs_build):
    _, out = docs_build
    assert makefile_recipe("docs")[1] == "$(BIN)/townsquare audit $(DOCS_DIR) $(DOCS_AUDIT_OPTS)"
    result = townsquare("audit", str(out), *docs_audit_options())
    assert result.returncode == 0, result.stdout + result.stderr
    pages = len(list(DOCS.glob("*.md"))) + 2  # and Sphinx's genindex and search pages
    assert result.stdout.splitlines()[-1] == (
        f"audit: {pages} pages audited ({pages - 1} docs, 1 home): no findings"
    )


def test_a_new_page_is_listed_without_an_index_edit_and_a_broken_anchor_fails(tmp_path):
    source = tmp_path / "docs"
    shutil.copytree(DOCS, source, ignore=shutil.ignore_patterns("_build"))
    (source / "zz-new-topic.md").write_text(
        "# A new topic\n\n[Quotes](share.md#quote-sharing), [no](share.md#no-such-heading).\n",
        encoding="utf-8",
    )
    result = build_docs(source, tmp_path / "out")
    assert result.returncode == 1
    warnings = result.stderr.splitlines()
    assert warnings == [
        f"{source / 'zz-new-topic.md'}:3: WARNING: local id not found in doc 'share': "
        "'no-such-heading' [myst.xref_missing]"
    ]
    toc = page_tree(tmp_path / "out" / "index.html").xpath("//a/@href")
    assert "zz-new-topic.html" in toc


def test_readme_is_a_short_quick_start_that_links_into_the_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= README_LIMIT
    start = readme.split("## Start here")[1].split("\n## ")[0]
    (commands,) = re.findall(r"```sh\n(.*?)```", start, flags=re.S)
    assert [line.split("#")[0].strip() for line in commands.splitlines()] == [
        "make site",
        "make test",
    ]
    linked = set(re.findall(r"\]\((docs/[^)#]+)", readme))
    assert len(linked) >= 15
    assert sorted(link for link in linked if not (ROOT / link).is_file()) == []
    assert {f"docs/{p.name}" for p in DOCS.glob("*.md")} <= linked | {"docs/index.md"}


def test_make_docs_builds_into_the_sites_docs_folder_with_warnings_as_errors():
    recipe = makefile_recipe("docs")
    assert recipe[0] == (
        "$(PY) -m sphinx -W --keep-going -q -b html -d .cache/docs-doctrees docs $(DOCS_DIR)"
    )
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "DOCS_DIR ?= $(OUTPUT)/docs" in text.splitlines()
    # `make audit` of the whole site leaves docs/ to its own audit (the rules of a docs site).
    (audit,) = re.findall(r"^AUDIT_OPTS \?= (.*)$", text, flags=re.M)
    assert shlex.split(audit)[-2:] == ["--ignore", "docs/*"]
    assert Path(ROOT / "requirements-docs.txt").read_text(encoding="utf-8").count("==") == 3


def test_the_publish_workflows_build_the_docs_after_the_blog():
    workflow = load_yaml(ROOT / ".github" / "workflows" / "publish.yml")
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    kit = (
        "${{ (github.event.repository.is_template || vars.TOWNSQUARE_KIT_CI == 'true') "
        "&& hashFiles('docs/conf.py') != '' }}"
    )
    docs = steps[runs.index("make docs")]
    assert docs["if"] == kit
    assert docs["env"] == {"SITEURL": "${{ vars.SITEURL || steps.pages.outputs.base_url }}"}
    # After the blog's build (which replaces output/), before the upload of output/.
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert runs.index("make publish") < runs.index("make docs") < steps.index(upload)
    home = steps[runs.index("make docs-home")]
    assert home["if"] == "${{ github.event.repository.is_template }}"
    gitlab = load_yaml(ROOT / ".gitlab-ci.yml")["pages"]["script"]
    assert gitlab.index("make publish OUTPUT=public") < gitlab.index(KIT_DOCS_GITLAB)


def test_docs_home_opens_the_docs_and_never_replaces_a_blogs_home_page(tmp_path):
    site = tmp_path / "site"
    make = ["make", "-s", "docs-home", f"OUTPUT={site}"]
    subprocess.run(make, cwd=ROOT, check=True, timeout=60)
    page = page_tree(site / "index.html")
    assert page.xpath("string(//meta[@http-equiv='refresh']/@content)") == "0; url=docs/"
    assert page.xpath("//a/@href") == ["docs/"]
    (site / "index.html").write_text("<p>the blog</p>", encoding="utf-8")
    subprocess.run(make, cwd=ROOT, check=True, timeout=60)
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>the blog</p>"
