"""`townsquare syndicate`: post each new post once to the leader's Mastodon and Bluesky.

Run by the publish workflow after the deploy. It reads the manifest the build wrote into the
replies cache, waits until each post is live (HTTP 200 and its og:title), posts it to every
configured network that has no copy of it yet, and writes the copy's address back into the
post's front matter (`Mastodon:` / `Bluesky:`), which the workflow commits: a rerun, a retried
job or a second push never posts twice, and the next build fetches the replies.
"""

import argparse
import html
import os
import re
import sys
import time

from .fetch import FetchError, get
from .frontmatter import has, record
from .manifest import read
from .networks import configured

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
_OG_TITLE = re.compile(
    r"<meta\s+(?:property=\"og:title\"\s+content=\"([^\"]*)\"|content=\"([^\"]*)\"\s+"
    r"property=\"og:title\")",
    re.I,
)
SKIP = ("no", "off", "false", "0")


def parser(prog):
    """The command's arguments."""
    found = argparse.ArgumentParser(
        prog=prog,
        description="Post each new post once to Mastodon and Bluesky (credentials from the "
        "environment) and record the copies in its front matter.",
        epilog="exit status: 0 done, 1 a network failed, 2 bad usage or input",
    )
    found.add_argument("-s", "--settings", default="publishconf.py", help="the build's settings")
    found.add_argument("--cache", help="the replies cache folder (instead of --settings)")
    found.add_argument("--dry-run", action="store_true", help="print what would be posted")
    found.add_argument(
        "--wait", type=float, default=600, help="seconds to wait for a post to be live"
    )
    return found


def cache_folder(args):
    """The folder holding the build's manifest: --cache, or REPLIES_CACHE of --settings."""
    if args.cache:
        return args.cache
    from pelican.settings import read_settings

    from .settings import validate

    return validate(read_settings(args.settings))["REPLIES_CACHE"]


def due(post):
    """The networks post still needs: none with `Syndicate: no`, and none that its front matter
    names a copy on (read again from the source: an earlier run may have recorded one)."""
    if post["syndicate"] in SKIP:
        return set()
    source = post["source"]
    exists = os.path.isfile(source)
    return {
        name
        for name in ("mastodon", "bluesky")
        if not post[name] and not (exists and has(source, name))
    }


def live(post, wait, interval=2.0):
    """True once post's page answers 200 with its og:title (False after `wait` seconds)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            page = get(post["url"], 15).decode("utf-8", "replace")
            found = _OG_TITLE.search(page)
            if found and html.unescape(found.group(1) or found.group(2)) == post["title"]:
                return True
        except FetchError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def main(argv, prog="townsquare syndicate"):
    """Run the command; return its exit status."""
    args = parser(prog).parse_args(argv)
    try:
        posts = read(cache_folder(args))
    except (OSError, ValueError, KeyError) as error:
        print(
            f"{prog}: no manifest of a build to read ({error}); build the site first",
            file=sys.stderr,
        )
        return EXIT_USAGE
    networks, missing = configured()
    for name, problem in missing.items():
        print(f"{prog}: {name}: skipped ({problem})", file=sys.stderr)
    failed = False
    for post in posts:
        wanted = [n for n in networks if n.name in due(post)]
        if not wanted:
            continue
        if args.dry_run:
            for network in wanted:
                print(f"would post to {network.name}: {network.text(post)!r}")
            continue
        if not live(post, args.wait):
            print(f"{prog}: {post['url']} is not live yet; nothing posted for it", file=sys.stderr)
            failed = True
            continue
        for network in wanted:
            failed |= not _post_one(prog, network, post)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _post_one(prog, network, post):
    """Post to one network and record the copy; False (and a message) when it failed."""
    try:
        url = network.publish(post)
    except ImportError as error:
        print(
            f"{prog}: {network.name}: needs {error.name}: "
            'pip install "Mastodon.py>=2.1,<3" "atproto>=0.0.60,<0.1"',
            file=sys.stderr,
        )
        return False
    except Exception as error:  # one network's failure never stops the others
        print(f"{prog}: {network.name}: {post['url']} not posted: {error}", file=sys.stderr)
        return False
    if os.path.isfile(post["source"]):
        record(post["source"], network.key, url)
    print(f"{network.name}: {post['url']} -> {url}")
    return True
