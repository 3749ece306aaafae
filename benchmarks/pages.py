"""Per-page cost of the audit: parsing alone (bs4 vs lxml) and parse + every rule, by page size.

``python -m benchmarks.pages SITE [--package DIR] [--repeat N]``

SITE is a built kit site (its first article is the 16 KB page). Real-world-sized pages (50, 100
and 300 KB) are made from that article by adding what heavy real pages carry: navigation menus,
inline SVG icons, highlighted code (a span per token), long prose with links, and a comment
thread. ``--package`` audits with another copy of the audit package (e.g. an older commit's
``plugins/townsquare_audit``, to compare implementations on the same pages).
"""

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

SIZES = (50_000, 100_000, 300_000)
WORDS = ("reply", "forum", "leader", "quarter", "answer", "roadmap", "public", "team", "trust")


def filler(rng):
    """One chunk of markup typical of heavy real pages (about 2-4 KB)."""
    kind = rng.randrange(4)
    if kind == 0:
        items = "".join(
            f'<li class="menu-item"><a class="nav-link" href="/section/{i}/">{rng.choice(WORDS)}'
            f'</a><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M{i} 2l3 '
            f'{i}h-6z"/></svg></li>'
            for i in range(12)
        )
        return f'<nav class="menu"><ul>{items}</ul></nav>'
    if kind == 1:
        spans = "".join(
            f'<span class="tok-{rng.choice("knsop")}">{rng.choice(WORDS)}</span>'
            f'<span class="w"> </span>'
            for _ in range(60)
        )
        return f'<div class="highlight"><pre><code>{spans}</code></pre></div>'
    if kind == 2:
        words = " ".join(rng.choice(WORDS) for _ in range(250))
        return f'<p>{words} <a href="/posts/{rng.randrange(999)}.html">earlier post</a>.</p>'
    comment = " ".join(rng.choice(WORDS) for _ in range(60))
    return (
        f'<div class="comment" id="c{rng.randrange(10**6)}"><div class="meta"><img src="/a.png"'
        f' alt="" width="32" height="32"><span class="author">{rng.choice(WORDS)}</span>'
        f'<time datetime="2026-01-01T10:00">1 Jan</time></div><div class="text"><p>{comment}'
        "</p></div></div>"
    )


def inflate(html, size, seed=7):
    """The page with filler inserted before </main> (else </body>) until it has size bytes."""
    rng = random.Random(seed)
    marker = "</main>" if "</main>" in html else "</body>"
    head, _, tail = html.partition(marker)
    chunks, total = [], len(head.encode()) + len(tail.encode())
    while total < size:
        chunk = filler(rng)
        chunks.append(chunk)
        total += len(chunk.encode())
    return head + "".join(chunks) + marker + tail


def load_audit(package):
    """The audit package: the installed one, or the copy at package (a folder)."""
    if not package:
        from pelican.plugins import townsquare_audit

        return townsquare_audit
    folder = Path(package).resolve()
    spec = importlib.util.spec_from_file_location(
        "audit_under_test", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit_under_test"] = module
    spec.loader.exec_module(module)
    return module


def per_page_ms(function, repeat):
    """Median milliseconds of function() over repeat runs (after one warm-up)."""
    function()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def measure(site, package=None, repeat=30):
    """Rows (label, KB, bs4 parse ms, lxml parse ms, audit ms) for the article and inflations."""
    import lxml.html
    from bs4 import BeautifulSoup

    audit = load_audit(package)
    runner = importlib.import_module(audit.__name__ + ".runner")
    site = Path(site)
    article = sorted((site / "posts").glob("*.html"))[0]
    base = article.read_text(encoding="utf-8")
    pages = [("kit article", base)] + [
        (f"real-world {s // 1000} KB", inflate(base, s)) for s in SIZES
    ]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for label, text in pages:
            target = Path(work) / "posts" / article.name
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            for extra in site.iterdir():  # the files rules look up (images, feeds)
                link = Path(work) / extra.name
                if extra.name != "posts" and not link.exists():
                    link.symlink_to(extra)
            options = runner.Options(jobs=1, base_url="", publish=False)
            rel = f"posts/{article.name}"
            rows.append(
                (
                    label,
                    len(text.encode()) / 1024,
                    per_page_ms(lambda t=text: BeautifulSoup(t, "lxml"), repeat),
                    per_page_ms(lambda t=text: lxml.html.document_fromstring(t), repeat),
                    per_page_ms(lambda r=rel, o=options: runner.audit_pages(work, [r], o), repeat),
                )
            )
    return rows


def main(argv=None):
    """Print the table of per-page milliseconds (CPU time, median)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages", description=__doc__)
    parser.add_argument("site", help="a built kit site (output folder)")
    parser.add_argument("--package", help="audit package folder to time instead of the installed")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    print(
        "| page | size | bs4 (lxml backend) parse | lxml.html parse | audit: parse + all rules |"
    )
    print("|---|---|---|---|---|")
    for label, kb, bs4_ms, lxml_ms, audit_ms in measure(args.site, args.package, args.repeat):
        print(
            f"| {label} | {kb:.0f} KB | {bs4_ms:.2f} ms | {lxml_ms:.2f} ms | {audit_ms:.2f} ms |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
