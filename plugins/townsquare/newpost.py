"""Start a draft post: `townsquare post "My title"` (or `make post TITLE="My title"`).

Writes content/posts/<date>-<slug>.md. Front matter is prefilled from pelicanconf.py (author,
time zone) and the post is a draft until the author removes the `Status: draft` line. An
existing file is never overwritten.
"""

import argparse
import sys
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from pelican.settings import read_settings
from pelican.utils import slugify

#: The writing prompts of a new draft, one paragraph each. townsquare_safebuild refuses to
#: publish them (and warns about them in local builds), so they are declared once, here.
PROMPTS = (
    "Start with the one thing you want readers to take away, in a sentence or two.",
    "Then tell the story behind it: what happened, what you learned, what you will do next.",
    "End with a real question for your readers, so they have something to answer.",
)
BODY = "\n\n".join(PROMPTS) + "\n"
#: A slug longer than this is cut at a word boundary: the file name (date, slug, ".md") must
#: stay under the 255-byte limit of common file systems, and a shorter address reads better.
MAX_SLUG = 80


def _parser(prog="make post"):
    """Command-line options (the Makefile passes only the title)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description='Start a draft post. Usage: make post TITLE="My first post"',
    )
    parser.add_argument("title", nargs="?", default="", help="the post's title")
    parser.add_argument("--date", help="ISO date and time (default: now in TIMEZONE)")
    parser.add_argument("--author", help="author name (default: AUTHOR from the settings)")
    parser.add_argument("--content-dir", type=Path, help="posts folder (default: content/posts)")
    parser.add_argument(
        "--settings",
        type=Path,
        default=Path("pelicanconf.py"),
        help="settings file (default: pelicanconf.py in the current folder)",
    )
    return parser


def one_line(text):
    """text on one line: every run of whitespace or control characters becomes one space, so a
    value written into front matter or a Makefile can never start a line of its own."""
    cleaned = "".join(" " if unicodedata.category(c).startswith("C") else c for c in str(text))
    return " ".join(cleaned.split())


def short_slug(slug, fallback):
    """slug cut to MAX_SLUG characters at a hyphen, or fallback when the title gave none."""
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[1:] else slug[:MAX_SLUG]
        slug = slug.strip("-")
    while len(slug.encode("utf-8")) > MAX_SLUG * 2:  # a unicode slug: cap its bytes too
        slug = slug[:-1]
    return slug or fallback


def _post_date(text, timezone):
    """Return the post's aware datetime: parsed from text, or now, in timezone."""
    zone = ZoneInfo(timezone)  # the caller checked the name
    if not text:
        return datetime.now(zone).replace(second=0, microsecond=0)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _usual_category(posts_dir):
    """Return the category most posts in posts_dir use, or '' when there are none."""
    counts = Counter()
    for path in posts_dir.glob("*.md"):
        try:  # a dangling link or a file in another encoding says nothing about categories
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            if not line.strip():
                break  # the front matter ends at the first blank line
            key, _, value = line.partition(":")
            if key.strip().lower() == "category" and value.strip():
                counts[value.strip()] += 1
    return counts.most_common(1)[0][0] if counts else ""


def front_matter(title, moment, author, category, slug):
    """Return the Markdown front matter and body prompt of a new draft."""
    return (
        f"Title: {one_line(title)}\n"
        f"Date: {moment.isoformat(sep=' ', timespec='minutes')}\n"
        f"Author: {one_line(author)}\n"
        f"Category: {one_line(category)}\n"
        "Tags:\n"
        f"Slug: {one_line(slug)}\n"
        "Summary:\n"
        "Status: draft\n"
        "\n"
        f"{BODY}"
    )


def main(argv=None, prog="make post"):
    """Create the draft; exit 2 on bad usage, 1 when the file exists, else 0."""
    parser = _parser(prog)
    args = parser.parse_args(argv)
    title = one_line(args.title)
    if not title:
        parser.print_usage(sys.stderr)
        print('newpost: a title is required: make post TITLE="My first post"', file=sys.stderr)
        return 2
    if not args.settings.is_file():
        print(
            f"newpost: no settings file {args.settings}; run this in your blog's folder "
            "(the one with pelicanconf.py) or pass --settings",
            file=sys.stderr,
        )
        return 2
    settings = read_settings(str(args.settings))
    posts_dir = args.content_dir or Path(settings["PATH"]) / "posts"
    timezone = settings.get("TIMEZONE") or "UTC"
    if not isinstance(timezone, str) or timezone not in available_timezones():
        print(
            f"newpost: TIMEZONE {timezone!r} in {args.settings} is not a time zone name; "
            "fix: write one like 'Europe/Berlin' or 'UTC'",
            file=sys.stderr,
        )
        return 2
    try:
        moment = _post_date(args.date, timezone)
    except ValueError as exc:
        print(f"newpost: --date {args.date!r} is not an ISO date: {exc}", file=sys.stderr)
        return 2
    slug = slugify(
        title,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=False,
    )
    slug = short_slug(slug, f"post-{moment:%H%M}")  # an emoji-only title has no slug
    target = posts_dir / f"{moment:%Y-%m-%d}-{slug}.md"
    if target.exists():
        print(f"newpost: {target} already exists; not overwriting it.", file=sys.stderr)
        print("Pick another title, or edit that file.", file=sys.stderr)
        return 1
    author = args.author or settings.get("AUTHOR") or ""
    try:
        posts_dir.mkdir(parents=True, exist_ok=True)
        text = front_matter(title, moment, author, _usual_category(posts_dir), slug)
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        print(
            f"newpost: cannot write {target}: {exc.strerror or exc}; "
            "fix: pass --content-dir a folder of your blog you can write to",
            file=sys.stderr,
        )
        return 2
    print(f"Created {target}")
    print("Next steps:")
    print(f"  1. Open {target} and write; add a Summary and Tags.")
    print("  2. Run `make serve` and open http://127.0.0.1:8000/drafts/" + f"{slug}.html")
    print("  3. When it is ready, delete the `Status: draft` line, then commit and `git push`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
