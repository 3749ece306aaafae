"""The kit's e-mail share link passes html-proofer, which fails ``mailto:`` without an address.

RFC 6068 allows ``mailto:?subject=...&body=...`` (the reader picks the recipient), but
html-proofer reports it as "contains no email address" on every post; the link carries
html-proofer's own opt-out, ``data-proofer-ignore``, so a blog that runs html-proofer gets no
new failure from the kit.
"""

import shutil
import subprocess

import pytest
from lxml import html


def test_every_mailto_share_link_without_address_opts_out_of_html_proofer(sample_site):
    mail_links = []
    for page in sample_site.rglob("*.html"):
        tree = html.parse(str(page))
        mail_links += tree.xpath("//a[starts-with(@href, 'mailto:?')]")
    assert len(mail_links) >= 5
    assert all(link.get("data-proofer-ignore") is not None for link in mail_links)


def test_html_proofer_reports_no_mailto_on_the_built_blog(sample_site, tmp_path):
    if not shutil.which("htmlproofer"):
        pytest.fail("Debian's ruby-html-proofer is required: run tools/provision")
    posts = tmp_path / "posts"
    shutil.copytree(sample_site / "posts", posts)  # the posts carry the share rows
    done = subprocess.run(
        ["htmlproofer", "--disable-external", "--checks-to-ignore", "ImageCheck,ScriptCheck",
         "--allow-hash-href", str(posts)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert "mailto:" in (posts / next(p.name for p in posts.glob("*.html"))).read_text()
    assert "contains no email address" not in output, output[-2000:]
