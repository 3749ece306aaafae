"""Run the external validators (Nu HTML Checker, Lighthouse) and turn their output into Problems.

Both tools come from npm (pinned in package.json, installed into ./node_modules); vnu needs
Java 17+, Lighthouse needs Chromium (``CHROME_PATH``, Debian's /usr/bin/chromium by default).
"""

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Categories that must score 100; performance is reported only (it depends on the machine).
REQUIRED = ("accessibility", "best-practices", "seo")
ONLY = ",".join(CATEGORIES)


class ToolMissing(Exception):
    """A validator is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Problem:
    """One thing a validator found: page (site-relative), where, and what."""

    page: str
    where: str
    message: str

    def __str__(self):
        return f"{self.page}{':' + self.where if self.where else ''}: {self.message}"


def vnu(site):
    """Check every HTML page under site with the Nu HTML Checker; return (pages, problems)."""
    if not VNU_JAR.is_file():
        raise ToolMissing(f"check: {VNU_JAR} is missing; run `npm ci` in {ROOT}")
    pages = sorted(Path(site).rglob("*.html"))
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
               "--skip-non-html", "--no-langdetect", str(site)]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise ToolMissing("check: `java` not found; install a Java 17+ runtime") from exc
    return pages, parse_vnu(done.stderr or done.stdout, site)


def parse_vnu(text, site):
    """Problems from vnu's JSON output (errors only; a non-JSON output is itself a problem)."""
    try:
        messages = json.loads(text)["messages"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return [Problem("(vnu)", "", f"unexpected output: {text.strip()[:300]}")]
    problems = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        page = _relative(message.get("url", ""), site)
        line = message.get("lastLine") or message.get("firstLine")
        problems.append(Problem(page, str(line) if line else "", message.get("message", "")))
    return problems


def _relative(url, site):
    """vnu reports file: URLs; show them relative to the site folder."""
    path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
    try:
        return str(path.resolve().relative_to(Path(site).resolve()))
    except ValueError:
        return url or "(unknown)"


def lighthouse(url, page):
    """Run Lighthouse on url; return (scores by category 0-100, problems in REQUIRED ones)."""
    if not LIGHTHOUSE.is_file():
        raise ToolMissing(f"check: {LIGHTHOUSE} is missing; run `npm ci` in {ROOT}")
    env = dict(os.environ)
    env.setdefault("CHROME_PATH", "/usr/bin/chromium")
    if not Path(env["CHROME_PATH"]).exists():
        raise ToolMissing(f"check: no Chromium at CHROME_PATH={env['CHROME_PATH']}")
    command = ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ONLY]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError:
        tail = (done.stderr or done.stdout).strip()[-500:]
        return {}, [Problem(page, "lighthouse", f"did not run (exit {done.returncode}): {tail}")]
    return parse_lighthouse(result, page)


def parse_lighthouse(result, page):
    """Scores (0-100, None when not computed) and one Problem per failing audit of REQUIRED."""
    scores, problems = {}, []
    audits = result.get("audits", {})
    for name in CATEGORIES:
        category = result.get("categories", {}).get(name) or {}
        score = category.get("score")
        scores[name] = None if score is None else round(score * 100)
        if name not in REQUIRED or scores[name] == 100:
            continue
        # Audits without a score (not applicable, manual) are not failures.
        failing = [
            audits[ref["id"]]
            for ref in category.get("auditRefs", [])
            if ref.get("weight")
            and audits.get(ref["id"], {}).get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
        for audit in failing or [{"title": "score not computed"}]:
            text = f"{audit.get('title')} ({audit.get('id', '?')}){_items(audit)}"
            problems.append(Problem(page, name, text))
    return scores, problems


def _items(audit, limit=3):
    """The first few offending items of an audit (a URL, a node, a console message)."""
    shown = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") or {}
        text = item.get("description") or item.get("url") or node.get("snippet") or ""
        if text:
            shown.append(" ".join(str(text).split())[:160])
    return (": " + "; ".join(shown)) if shown else ""
