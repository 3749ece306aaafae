"""`townsquare new DIR`: a leader's own blog repository, ready for `make site` and `git push`.

Like pelican-quickstart, `hugo new site` and `mkdocs new`: content/ (an About page, a 404 page
and a first post as a draft), pelicanconf.py with the identity at the top, publishconf.py, the
GitHub and GitLab publish definitions, a Makefile with the everyday commands, a .gitignore for
everything the kit writes, a requirements.txt that installs this kit on any machine, and a git
repository on branch ``main`` (the branch the publish workflows deploy). Nothing is ever
overwritten.
"""

import argparse
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from . import kitsource, newpost

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
#: Files kept without their leading dot in the package (package data skips dot-files).
DOTTED = {"gitignore": ".gitignore", "gitlab-ci.yml": ".gitlab-ci.yml", "github": ".github"}
#: Scaffold files that are templates of Python files end in .in (so no tool compiles them).
TEMPLATE_SUFFIX = ".in"
SLUG_SUBS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]


def _parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Create a new Townsquare blog repository in DIR (which must be new or empty).",
        epilog="Then: cd DIR && make site",
    )
    parser.add_argument("dir", type=Path, help="folder to create")
    parser.add_argument("--name", help="the blog's name (default: from DIR)")
    parser.add_argument("--author", help="your name (default: git's user.name)")
    parser.add_argument("--email", help="reply address under posts (default: git's user.email)")
    parser.add_argument("--subtitle", default="", help="one line under the blog's name")
    parser.add_argument("--timezone", default="UTC", help="e.g. Europe/Berlin (default: UTC)")
    parser.add_argument(
        "--kit",
        metavar="URL",
        help="where the blog installs the kit from: its git URL at a tag "
        "(https://github.com/OWNER/townsquare.git@v0.2.0) or a requirement such as "
        "townsquare==0.2.0 (default: the package index or git URL it was installed from)",
    )
    return parser


def _git_config(key):
    try:
        found = subprocess.run(
            ["git", "config", "--get", key], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def _py(value):
    """A Python literal for a settings file."""
    return repr(value)


def main(argv=None, prog="townsquare new"):
    """Create the blog; exit 2 on bad usage or an existing non-empty DIR, else 0."""
    args = _parser(prog).parse_args(argv)
    target = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(
            f"{prog}: {target} already exists and is not empty; choose a new folder",
            file=sys.stderr,
        )
        return 2
    if args.timezone not in available_timezones():
        print(
            f"{prog}: --timezone {args.timezone!r} is not a time zone name like 'Europe/Berlin'",
            file=sys.stderr,
        )
        return 2
    try:
        kit = kitsource.requirements(kitsource.requirement_line(args.kit))
    except kitsource.KitSourceError as error:
        print(f"{prog}: {error}; nothing was created", file=sys.stderr)
        return 2
    # Names land in Markdown front matter and a Makefile comment: one line each, so a newline
    # (from a folder name, an option or git's user.name) can never start a line of its own.
    folder = target.resolve().name.replace("-", " ").replace("_", " ").title()
    name = newpost.one_line(args.name or "") or newpost.one_line(folder) or "My Blog"
    author = newpost.one_line(args.author or _git_config("user.name")) or name
    email = newpost.one_line(args.email or _git_config("user.email")) or None
    values = {
        "@@SITENAME@@": _py(name),
        "@@SITENAME_TEXT@@": name,
        "@@SUBTITLE@@": _py(args.subtitle),
        "@@AUTHOR@@": _py(author),
        "@@AUTHOR_TEXT@@": author,
        "@@AUTHOR_SLUG@@": _py(slugify(author, regex_subs=SLUG_SUBS)),
        "@@TIMEZONE@@": _py(args.timezone),
        "@@REQUIREMENTS@@": kit,
    }
    for source in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        relative = source.relative_to(SCAFFOLD)
        parts = [DOTTED.get(part, part) for part in relative.parts]
        parts[-1] = parts[-1].removesuffix(TEMPLATE_SUFFIX)
        destination = target.joinpath(*parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for token, value in values.items():
            if parts[-1] == "Makefile":  # a comment there: a closing backslash would continue it
                value = value.replace("\\", "/")
            text = text.replace(token, value)
        if parts[-1] == "pelicanconf.py" and email:
            text = text.replace(
                "COMMENTS_REPLY_EMAIL = None", f"COMMENTS_REPLY_EMAIL = {_py(email)}"
            )
        destination.write_text(text, encoding="utf-8")
    _first_draft(target, args.timezone, author)
    _git_init(target, prog)
    print(f"Created a Townsquare blog in {target}. Next: cd {target} && make site")
    if not email:
        print(
            f"{prog}: set COMMENTS_REPLY_EMAIL in {target / 'pelicanconf.py'} before you publish "
            "a post: readers need a way to answer (git has no user.email to default to)"
        )
    return 0


def _first_draft(target, timezone, author):
    """content/posts/<today>-my-first-post.md, a draft with the same prompts as `make post`."""
    moment = datetime.now(ZoneInfo(timezone)).replace(second=0, microsecond=0)
    posts = target / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    title = "My first post"
    slug = slugify(title, regex_subs=SLUG_SUBS)
    text = newpost.front_matter(title, moment, author, "Notes", slug)
    (posts / f"{moment:%Y-%m-%d}-{slug}.md").write_text(text, encoding="utf-8")


def _git_init(target, prog):
    """Make target a git repository on branch main (the branch the publish workflows deploy)."""
    try:
        done = subprocess.run(
            ["git", "init", "-q", "-b", "main", str(target)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as error:
        done = subprocess.CompletedProcess([], 1, "", str(error))
    if done.returncode:
        print(
            f"{prog}: git init failed ({done.stderr.strip()}); fix: run `git init -b main` "
            f"in {target} (the publish workflows deploy the branch main)",
            file=sys.stderr,
        )
