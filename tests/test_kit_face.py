"""`PLUGINS += ["townsquare"]` loads the whole kit (issue 21 item 3); `townsquare add` says so.

The face registers every part in order; parts stay loadable by their own names; a site listing
the face and parts registers each receiver once; auto-discovery (no PLUGINS) loads the same.
"""

import shutil

import blinker
import pytest
from bs4 import BeautifulSoup
from conftest import make_settings, reset_plugin_signals, run_build, townsquare
from guest_helpers import GUEST
from pelican import Pelican
from pelican.plugins import signals as pelican_signals

from pelican.plugins.townsquare.parts import PARTS

pytestmark = pytest.mark.usefixtures("kit_discoverable")

#: Every part by its full name, in the face's order (parts.PARTS; the order's effect on the
#: receivers is checked below).
ALL_PARTS = [f"pelican.plugins.{part}" for part in PARTS]


def started(tmp_path, plugins):
    """A Pelican object for the sample blog with PLUGINS = plugins (registered, initialized):
    its settings and {signal: [receiver module.name, ...]} in connection order."""
    reset_plugin_signals()
    pelican = Pelican(make_settings(tmp_path / "out", PLUGINS=plugins))
    receivers = {}
    for name in dir(pelican_signals):
        signal = getattr(pelican_signals, name)
        if isinstance(signal, blinker.Signal):
            found = [f"{r.__module__}.{r.__qualname__}" for r in signal.receivers_for(blinker.ANY)]
            if found:
                receivers[name] = found
    reset_plugin_signals()
    return pelican.settings, receivers


def test_the_face_loads_every_part_in_order(tmp_path):
    settings, receivers = started(tmp_path, ["townsquare"])
    assert settings["PLUGINS"] == ["pelican.plugins.townsquare", *ALL_PARTS]
    initialized = [r.rsplit(".", 1)[0] for r in receivers["initialized"]]
    # The face names the parts first, the shared start-up next, safebuild before the others,
    # the audit last.
    assert initialized[:3] == [
        "pelican.plugins.townsquare.parts",
        "pelican.plugins.townsquare.kit",
        "pelican.plugins.townsquare_safebuild.staging",
    ]
    assert initialized[-1] == "pelican.plugins.townsquare_audit.build"
    for part in ("share", "feeds", "comments", "social", "preview", "brand", "readnext"):
        assert any(f"townsquare_{part}." in r for r in receivers["initialized"]), part


def test_face_and_parts_listed_together_register_each_once(tmp_path):
    _, face = started(tmp_path, ["townsquare"])
    both = ["townsquare_share", "townsquare", "pelican.plugins.townsquare_feeds"]
    settings, receivers = started(tmp_path, both)
    assert receivers == {
        name: sorted(found, key=receivers[name].index) for name, found in face.items()
    }
    for found in receivers.values():
        assert len(found) == len(set(found))
    names = [str(p) for p in settings["PLUGINS"]]
    assert sorted(names) == sorted(["pelican.plugins.townsquare", *ALL_PARTS])


def test_a_part_alone_loads_only_itself(tmp_path):
    settings, receivers = started(tmp_path, ["townsquare_share"])
    assert settings["PLUGINS"] == ["pelican.plugins.townsquare_share"]
    modules = {r.rsplit(".", 2)[0] for found in receivers.values() for r in found}
    assert not any("townsquare_feeds" in m or "townsquare_audit" in m for m in modules)
    assert any("townsquare_share" in m for m in modules)


def test_auto_discovery_loads_the_same_receivers(tmp_path):
    _, face = started(tmp_path, ["townsquare"])
    settings, discovered = started(tmp_path, None)
    assert {name: set(found) for name, found in discovered.items()} == {
        name: set(found) for name, found in face.items()
    }
    assert set(ALL_PARTS) <= set(settings["PLUGINS"])


def test_the_sample_blog_built_through_the_face_and_a_part(tmp_path):
    out = run_build(tmp_path / "out", PLUGINS=["townsquare", "townsquare_share"])
    post = BeautifulSoup((out / "posts" / "listening-tours.html").read_text("utf-8"), "lxml")
    assert len(post.select(".ts-share")) == 1
    assert len(post.select('a[data-ts-reply="email"]')) == 1
    assert (out / "feeds" / "all.atom.xml").is_file()
    assert (out / "_headers").is_file()


# -- townsquare add / doctor ---------------------------------------------------------------------


@pytest.fixture
def site_without_kit(tmp_path):
    """disqus-notes as it was before the kit: its PLUGINS += ["townsquare"] line removed."""
    site = tmp_path / "site"
    shutil.copytree(GUEST / "disqus-notes", site)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text("utf-8").replace('PLUGINS += ["townsquare"]\n', ""), "utf-8")
    return site


def test_add_prints_the_one_line_and_what_it_found(site_without_kit):
    result = townsquare("add", site_without_kit)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "add this line at the end of pelicanconf.py:",
        "",
        '    PLUGINS += ["townsquare"]',
        "",
        "plugins: pelicanconf.py lists 1 plugin(s) and not townsquare",
        "theme: theme (the kit adds its share row, reply links and subscribe box)",
        "comments: the theme embeds Disqus (templates/article.html); it stays",
        "comments: 'Reply by email' goes to ines.varga@example.net",
        "feeds: pelicanconf.py: the kit writes Pelican's feeds at their paths: FEED_ALL_ATOM "
        "feeds/all.atom.xml, CATEGORY_FEED_ATOM feeds/{slug}.atom.xml, AUTHOR_FEED_ATOM "
        "feeds/{slug}.atom.xml, AUTHOR_FEED_RSS feeds/{slug}.rss.xml, TRANSLATION_FEED_ATOM "
        "feeds/all-{lang}.atom.xml",
        'address: pelicanconf.py sets SITEURL = "": local builds use http://127.0.0.1:8000',
        "feeds: publishconf.py: the kit writes Pelican's feeds at their paths: FEED_RSS "
        "feeds/rss.xml, FEED_ALL_ATOM feeds/all.atom.xml, CATEGORY_FEED_ATOM "
        "feeds/{slug}.atom.xml, AUTHOR_FEED_ATOM feeds/{slug}.atom.xml, AUTHOR_FEED_RSS "
        "feeds/{slug}.rss.xml, TAG_FEED_ATOM feeds/tag/{slug}.atom.xml, TRANSLATION_FEED_ATOM "
        "feeds/all-{lang}.atom.xml",
        "address: publishconf.py: https://notes.example.net is public: a production build "
        "(no previews)",
    ]


def test_doctor_on_a_site_that_loads_the_kit_exits_0(tmp_path):
    result = townsquare("doctor", GUEST / "links-only")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "nothing to add: Pelican loads the kit with these settings"
    assert "plugins: pelicanconf.py loads townsquare (every part of the kit)" in lines
    assert "comments: 'Reply by email' goes to kai@example.org" in lines
    assert "theme: notmyidea (the kit adds its share row, reply links and subscribe box)" in lines


def test_add_tells_a_tuple_site_its_own_line_and_a_missing_public_address(site_without_kit):
    conf = site_without_kit / "pelicanconf.py"
    conf.write_text(
        conf.read_text("utf-8").replace('PLUGINS = ["word_count"]', 'PLUGINS = ("word_count",)'),
        "utf-8",
    )
    publish = site_without_kit / "publishconf.py"
    publish.write_text(
        publish.read_text("utf-8").replace('"https://notes.example.net"', '""'), "utf-8"
    )
    result = townsquare("add", site_without_kit)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[2] == '    PLUGINS += ("townsquare",)'
    assert lines[-1] == (
        "problem: publishconf.py sets no public SITEURL; share previews need the address"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "nowhere"],
            "townsquare add: nowhere/pelicanconf.py: no such file; run this in "
            "a Pelican site's folder (the one with pelicanconf.py) or name that folder",
        ),
        (["doctor", "a", "b"], "townsquare doctor: error: unrecognized arguments: b"),
    ],
)
def test_add_usage_mistakes_exit_2_without_traceback(tmp_path, args, message):
    result = townsquare(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_add_names_a_settings_file_pelican_cannot_read(site_without_kit):
    conf = site_without_kit / "pelicanconf.py"
    conf.write_text(conf.read_text("utf-8") + "\nimport not_installed_here\n", "utf-8")
    result = townsquare("add", site_without_kit)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(
        f"townsquare add: {site_without_kit / 'pelicanconf.py'}: Pelican cannot read it: "
        "No module named 'not_installed_here'"
    )


def test_add_help_exits_0():
    result = townsquare("add", "--help")
    assert result.returncode == 0
    assert "print the one line that adds Townsquare" in result.stdout
    assert "exit status: 0 nothing to change, 1 a line to add or a problem" in result.stdout
