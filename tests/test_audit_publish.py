"""The audit in real publish builds of the fixture blog: a SITEURL with a path (GitHub and GitLab
project pages), placeholder identities refused, and PR annotations from a refused build's log."""

import os
import re
import subprocess
import sys

import pytest
from conftest import BLOG, CONTENT, PROJECT_SITEURL, ROOT, run_build
from pelican.plugins.townsquare_audit.cli import main

PROJECT_PAGES = [
    PROJECT_SITEURL,  # GitHub Pages, a project repository
    "https://amara.gitlab.io/group/townsquare-blog",  # GitLab's $CI_PAGES_URL, in a group
]


@pytest.mark.parametrize("siteurl", PROJECT_PAGES)
def test_a_siteurl_with_a_path_passes_the_publish_audit(
    request, tmp_path, monkeypatch, capsys, siteurl
):
    # Each build raises when its audit refuses. The GitHub one is shared with
    # test_siteurl_path.py; the GitLab one reads SITEURL from the environment, as CI sets it.
    if siteurl == PROJECT_SITEURL:
        out = request.getfixturevalue("project_site")
    else:
        monkeypatch.setenv("SITEURL", siteurl)
        out = run_build(tmp_path / "output", "publishconf.py")
    page = (out / "posts" / "listening-tours.html").read_text(encoding="utf-8")
    assert f'<meta property="og:image" content="{siteurl}/' in page
    # The standalone audit maps URLs to files the same way, told the address or not.
    assert main([str(out), "--publish", "--site-url", siteurl, "--skip", "placeholders"]) == 0
    assert main([str(out), "--skip", "placeholders,publish-urls"]) == 0
    assert capsys.readouterr().out.endswith(": no findings\n")


def test_the_siteurl_path_is_stripped_and_other_projects_are_not_this_site(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    (site / "images" / "card.png").write_bytes(
        (ROOT / "tests/fixtures/audit/_site/images/card.png").read_bytes()
    )
    head = (
        '<link rel="canonical" href="https://amara.github.io/blog/">'
        '<meta property="og:image" content="{image}">'
    )
    for name, image in [
        ("index.html", "https://amara.github.io/blog/images/card.png"),
        ("relative.html", "images/card.png"),
        ("rooted.html", "/blog/images/missing.png"),
        ("other.html", "https://amara.github.io/other-project/images/card.png"),
    ]:
        (site / name).write_text(
            f"<!doctype html><html lang='en'><head><title>t</title>{head.format(image=image)}"
            "</head><body><p>x</p></body></html>",
            encoding="utf-8",
        )
    args = [str(site), "--rules", "og-image", "--site-url", "https://amara.github.io/blog"]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "rooted.html" in out and "/blog/images/missing.png does not resolve" in out
    assert "index.html" not in out and "relative.html" not in out
    assert "other.html" not in out  # another project on the same host: not this site's file


def test_a_publish_build_with_the_sample_identity_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://leaders.example.net")
    with pytest.raises(Exception) as refused:
        run_build(tmp_path / "output", "publishconf.py", AUDIT_SKIP=[])
    message = str(refused.value)
    assert (
        "output/404.html:24: error: [placeholders] sample identity @townsquare_ex in the "
        "twitter:site: replace it in pelicanconf.py (SOCIAL_TWITTER_SITE)"
    ) in message
    assert not (tmp_path / "output").exists()


def own_identity(content):
    """The settings of a leader's own identity; the sample posts' reply links (front matter)
    are dropped from the content folder."""
    for post in (content / "posts").glob("*.md"):
        text = post.read_text(encoding="utf-8")
        post.write_text(re.sub(r"(?m)^(Mastodon|Linkedin): .*\n", "", text), encoding="utf-8")
    return {
        "AUTHORS_BIO": {"amara-okafor": {"name": "Amara Okafor", "email": "amara@okafor.net"}},
        "SOCIAL_TWITTER_SITE": "@amara_okafor",
        "SOCIAL_PUBLISHER": {"type": "Person", "name": "Amara Okafor"},
        "SOCIAL": (("Mastodon", "https://mastodon.social/@amara_okafor"),),
        "COMMENTS_REPLY_EMAIL": "hello@okafor.net",
    }


def test_own_identity_passes_the_placeholders_rule(tmp_path, monkeypatch, content_copy):
    own = own_identity(content_copy)
    monkeypatch.setenv("SITEURL", "https://blog.amara-okafor.net")
    run_build(tmp_path / "output", "publishconf.py", PATH=str(content_copy), AUDIT_SKIP=[], **own)


def test_the_samples_name_left_in_a_summary_is_refused(tmp_path, monkeypatch, content_copy):
    # "Start here" step 3 renames the blog; the sample Subscribe page's Summary still said
    # "Ways to follow Townsquare ...", in every share card of that page.
    own = own_identity(content_copy)
    monkeypatch.setenv("SITEURL", "https://blog.amara-okafor.net")
    renamed = {"SITENAME": "Amara writes", "SITESUBTITLE": "Notes on leading in public"}
    with pytest.raises(Exception) as refused:
        run_build(
            tmp_path / "output",
            "publishconf.py",
            PATH=str(content_copy),
            AUDIT_SKIP=[],
            AUDIT_REPORT=str(tmp_path / "audit.txt"),
            **own,
            **renamed,
        )
    assert type(refused.value).__name__ == "BuildFailed"
    found = [
        line.strip().removeprefix(str(tmp_path) + "/")
        for line in (tmp_path / "audit.txt").read_text("utf-8").splitlines()
        if "[placeholders]" in line and "og:description" in line
    ]
    assert found == [
        f"output/{page}.html:12: error: [placeholders] the sample's words 'Townsquare' in the "
        "og:description: rewrite the page's Title or Summary in your words — fix: set your own "
        "identity in pelicanconf.py (README: Make it yours)"
        for page in ("about", "subscribe")
    ]
    assert not (tmp_path / "output").exists()


def test_a_refused_build_in_github_actions_prints_annotations(tmp_path):
    """Regression (issue 17, item 9): a refused build's findings never became annotations,
    because tools/annotations.py parsed log lines the real log did not have. The build now
    prints GitHub's workflow commands itself when it runs in GitHub Actions."""
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", str(BLOG / "publishconf.py"),
         "-o", str(tmp_path / "output"), "-e", "AUDIT_SKIP=[]",
         f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=tmp_path,
        env={**os.environ, "SITEURL": "https://leaders.example.net", "GITHUB_ACTIONS": "true"},
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode != 0
    count = int(re.search(r"audit: (\d+) finding\(s\) at or above", done.stderr).group(1))
    commands = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(commands) == count > 100  # every failing finding once
    assert commands[0].startswith("::error file=")
    assert ",title=placeholders::sample identity @townsquare_ex" in "".join(commands)
    without = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", str(BLOG / "publishconf.py"),
         "-o", str(tmp_path / "again"), "-e", "AUDIT_SKIP=[]",
         f'CACHE_PATH="{tmp_path / "cache2"}"'],
        cwd=tmp_path,
        env={**{k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
             "SITEURL": "https://leaders.example.net"},
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert "::error" not in without.stdout


def test_annotations_escape_what_the_site_controls():
    from pelican.plugins.townsquare_audit.finding import Finding
    from pelican.plugins.townsquare_audit.report import render
    from pelican.plugins.townsquare_audit.runner import Result

    result = Result()
    result.add(
        "x.html",
        "article",
        [],
        [
            Finding(
                "output/x\n::error::pwned,y.html",
                3,
                "share-links",
                "error",
                "100% bad\r\n::warning::no",
            )
        ],
    )
    command = render(result, "github", "error").splitlines()[0]
    assert command.startswith("::error file=output/x%0A%3A%3Aerror%3A%3Apwned%2Cy.html,line=3,")
    assert command.endswith("::100%25 bad%0D%0A::warning::no")
