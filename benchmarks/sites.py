"""The two builds compared: plain Pelican (default theme, no plugins) and the Townsquare kit.

Each variant gets a settings file generated into its own work folder, and Pelican runs with that
folder as its working directory, so relative caches (Pelican's content cache, the social-card
cache) live there and can be wiped for a cold run or kept for a warm one.
"""

import importlib.util
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLAIN_SETTINGS = '''"""Plain Pelican for the benchmark: default theme, no plugins."""
SITENAME = "Benchmark"
SITEURL = "http://127.0.0.1:8000"
PATH = {path!r}
ARTICLE_PATHS = ["posts"]
STATIC_PATHS = ["images"]
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "en"
PLUGINS = []
'''

# The production build (benchmarks/kitconf.py: the kit's own publish settings, audit gate
# included; never the repository's blog settings). Local builds add the share-preview pages, a
# local authoring aid that is not published.
KIT_SETTINGS = '''"""The Townsquare kit for the benchmark: benchmarks/kitconf.py, absolute paths"""
import sys
sys.path.insert(0, {root!r})
from benchmarks.kitconf import *  # noqa: F403
PATH = {path!r}

'''
#: The content the page-weight measurement builds: the kit tests' frozen fixture blog.
SAMPLE_CONTENT = ROOT / "tests" / "fixtures" / "blog" / "content"


@dataclass
class Variant:
    """One way of building a corpus: a name, a work folder, extra -e settings."""

    name: str
    work: Path
    corpus: Path
    extra: dict = field(default_factory=dict)

    @property
    def settings_file(self):
        return self.work / "settings.py"

    @property
    def output(self):
        return self.work / "output"

    @property
    def cache(self):
        """Everything cached between runs lives here (cwd-relative caches included)."""
        return self.work / ".cache"

    def command(self, content_cache=False):
        """The pelican command line building the corpus into output."""
        extra = dict(self.extra)
        extra["CACHE_PATH"] = str(self.cache / "pelican")
        if content_cache:
            extra.update(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
        overrides = [f"{key}={json.dumps(value)}" for key, value in extra.items()]
        return [
            sys.executable,
            "-m",
            "pelican",
            str(self.corpus),
            "-s",
            str(self.settings_file),
            "-o",
            str(self.output),
            "-q",
            "-e",
            *overrides,
        ]

    def clean(self, cache=True):
        """Remove the output (and, when cache is true, every cache) before a cold run."""
        shutil.rmtree(self.output, ignore_errors=True)
        if cache:
            shutil.rmtree(self.cache, ignore_errors=True)


def plain(work, corpus):
    """Plain Pelican with a minimal generated settings file."""
    variant = Variant("plain", Path(work), Path(corpus))
    variant.work.mkdir(parents=True, exist_ok=True)
    variant.settings_file.write_text(PLAIN_SETTINGS.format(path=str(corpus)), encoding="utf-8")
    return variant


def kit(work, corpus, extra=None):
    """The full kit (kitconf.py) with optional extra settings (e.g. AUDIT_FAIL_ON)."""
    variant = Variant("kit", Path(work), Path(corpus), dict(extra or {}))
    variant.work.mkdir(parents=True, exist_ok=True)
    text = KIT_SETTINGS.format(root=str(ROOT), path=str(corpus))
    variant.settings_file.write_text(text, encoding="utf-8")
    return variant


def touch_post(corpus):
    """Change one post (append or bump a sentence) so a warm rebuild has something to redo."""
    first = sorted((Path(corpus) / "posts").glob("*.md"))[0]
    text, _, edits = first.read_text(encoding="utf-8").partition("\n\nEdited ")
    count = int(edits.split()[0]) + 1 if edits else 1
    first.write_text(f"{text.rstrip()}\n\nEdited {count} times.\n", encoding="utf-8")
    return first


def compile_kit(*more):
    """Byte-compile the kit's modules (and more files) once, untimed, as `pip install` leaves
    an installed kit.

    Python normally caches them on first import; where PYTHONDONTWRITEBYTECODE is set (as in
    this project's sandboxes) an editable checkout would compile them again in every measured
    process (~10 ms), which no installed kit does. Other modules come precompiled already. The
    folder compiled is the one the kit is imported from (an editable install may point at
    another checkout than this one)."""
    kit = Path(importlib.util.find_spec("pelican.plugins.townsquare").origin).parent.parent
    command = [sys.executable, "-m", "compileall", "-q", str(kit), *map(str, more)]
    subprocess.run(command, check=True, capture_output=True)


def townsquare_command():
    """The `townsquare` console script installed beside this Python (else its module)."""
    script = Path(sys.executable).with_name("townsquare")
    return [str(script)] if script.exists() else [sys.executable, "-m", "townsquare_command"]


def parse_setting(text):
    """Parse one --setting KEY=JSON (a bare word that is not JSON is taken as a string)."""
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier() or key.upper() != key:
        raise ValueError(f"--setting {text!r}: expected NAME=VALUE, e.g. AUDIT_FAIL_ON=never")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value
