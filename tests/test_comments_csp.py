"""The `_headers` policy: no input can add a directive or a header line; written only when it fits.

Regression tests for issue 17 item 4 (CSP injection through front matter, provider settings,
post images and the newsletter action) build the fixture blog for real. The property test
feeds random strings through the same functions the build uses (settings validation, the
comment area of a real Pelican Article, the policy builder) and parses the `_headers` text.
"""

import logging
import re
import shutil

import pytest
from conftest import CONTENT, make_settings, reset_plugin_signals, run_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican import Pelican
from pelican.contents import Article
from pelican.plugins.townsquare_comments.area import comment_area
from pelican.plugins.townsquare_comments.csp import build_policy, headers_file, image_origins
from pelican.plugins.townsquare_comments.providers import BY_NAME
from pelican.plugins.townsquare_comments.settings import CommentsSettingsError, validate
from pelican.plugins.townsquare_feeds.settings import FeedsSettingsError
from pelican.plugins.townsquare_feeds.settings import validate as validate_feeds
from pelican.utils import SafeDatetime

SAFE_HEADERS = [
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
]
BASE_DIRECTIVES = [
    "default-src",
    "script-src",
    "style-src",
    "img-src",
    "form-action",
    "frame-ancestors",
    "base-uri",
    "object-src",
]
#: One source as the policy may hold it: a quoted keyword or hash, a scheme, an origin.
SOURCE = re.compile(
    r"'[a-z-]+'|'sha256-[A-Za-z0-9+/]{43}='|[a-z]+:"
    r"|https?://(?:\*\.)?(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?"
)


def headers(out):
    return (out / "_headers").read_text(encoding="utf-8")


def directives(text):
    """The _headers text as ([lines], {directive: [sources]}), checking its exact shape."""
    lines = text.split("\n")
    assert lines[0].startswith("# ") and lines[1] == "/*" and lines[-1] == ""
    assert lines[3:-1] == SAFE_HEADERS, lines
    name, _, value = lines[2].partition(": ")
    assert name == "  Content-Security-Policy"
    policy = {}
    for directive in value.split("; "):
        key, *sources = directive.split(" ")
        assert key not in policy and sources, directive
        assert all(SOURCE.fullmatch(s) for s in sources), directive
        policy[key] = sources
    return policy


@pytest.fixture
def one_post(tmp_path):
    """A content folder with the fixture images and one post (its text is set per test)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "images", content / "images")
    (content / "posts").mkdir()
    return content


def write_post(content, front="", body="Text."):
    path = content / "posts" / "p.md"
    path.write_text(
        f"Title: P\nDate: 2026-07-01 09:00\nCategory: Leadership\nSlug: p\n{front}\n{body}\n",
        encoding="utf-8",
    )
    return path


def failed_build(tmp_path, **settings):
    """Run a build expected to fail; return its error message (the output stays as it was)."""
    with pytest.raises(Exception) as failure:
        run_build(tmp_path / "output", **settings)
    return str(failure.value)


def test_front_matter_cannot_add_frame_ancestors(tmp_path, one_post):
    post = write_post(one_post, "Mastodon: https://evil.example;frame-ancestors *;x/@a/1\n")
    message = failed_build(tmp_path, PATH=str(one_post), COMMENTS_PROVIDER="mastodon")
    assert (
        f"  - comments: {post}:5: front matter 'mastodon: https://evil.example;frame-ancestors "
        "*;x/@a/1' must be an https:// URL of the post to discuss (contains ';' — write a plain "
        "URL like https://host.example)\n" in message + "\n"
    )
    assert not (tmp_path / "output" / "_headers").exists()


def test_toot_host_is_rebuilt_lower_case_and_punycode(tmp_path, one_post):
    write_post(one_post, "Mastodon: HTTPS://Bücher.Example:8443/@amara/42\n")
    out = run_build(tmp_path / "output", PATH=str(one_post), COMMENTS_PROVIDER="mastodon")
    policy = directives(headers(out))
    assert policy["connect-src"] == ["'self'", "https://xn--bcher-kva.example:8443"]
    assert list(policy) == [*BASE_DIRECTIVES[:4], "connect-src", *BASE_DIRECTIVES[4:]]


def test_post_image_address_cannot_add_a_directive(tmp_path, one_post):
    post = write_post(one_post, body="Intro.\n\n![x](https://img.example;script-src/a.png)")
    message = failed_build(tmp_path, PATH=str(one_post))
    assert (
        f"  - comments: {post}:8: image address 'https://img.example;script-src/a.png' cannot "
        "go into the Content-Security-Policy: it contains ';' — write a plain URL like "
        "https://host.example; fix the address\n" in message + "\n"
    )


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        (
            {"COMMENTS_PROVIDER": "disqus", "COMMENTS_DISQUS_SHORTNAME": "blog\n"},
            "  - Setting 'COMMENTS_DISQUS_SHORTNAME': received 'blog\\n'; must be one line of "
            "text (no line break or control character)",
        ),
        (
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://c.example;frame-ancestors *",
            },
            "  - Setting 'COMMENTS_ISSO_URL': received 'https://c.example;frame-ancestors *'; "
            "must be an http(s) URL like https://comments.example.org/ (contains ';' — write a "
            "plain URL like https://host.example)",
        ),
        (
            {
                "COMMENTS_PROVIDER": "giscus",
                "COMMENTS_GISCUS_REPO": "town/blog\n",
                "COMMENTS_GISCUS_REPO_ID": "R_1",
                "COMMENTS_GISCUS_CATEGORY": "Comments\r\nX: y",
                "COMMENTS_GISCUS_CATEGORY_ID": "DIC_1",
            },
            "  - Setting 'COMMENTS_GISCUS_REPO': received 'town/blog\\n'; must be one line of "
            "text (no line break or control character)\n"
            "  - Setting 'COMMENTS_GISCUS_CATEGORY': received 'Comments\\r\\nX: y'; must be one "
            "line of text (no line break or control character)",
        ),
        (
            {"FEEDS_NEWSLETTER": {"action": "https://news.example;sandbox", "field": "email"}},
            "  - Setting 'FEEDS_NEWSLETTER': received action 'https://news.example;sandbox'; it "
            "goes into the Content-Security-Policy and contains ';' — write a plain URL like "
            "https://host.example",
        ),
        (
            {"COMMENTS_CSP_EXTRA": {"script-src": ["https://cdn.example; object-src *"]}},
            "  - Setting 'COMMENTS_CSP_EXTRA': received {'script-src': ['https://cdn.example; "
            "object-src *']}; 'script-src' source 'https://cdn.example; object-src *' contains "
            "';' — write a plain URL like https://host.example; allowed: None, or {directive: "
            "[sources]} like {'script-src': ['https://cdn.example']}",
        ),
    ],
    ids=["disqus-newline", "isso-semicolon", "giscus-newlines", "newsletter", "csp-extra"],
)
def test_settings_that_would_rewrite_headers_are_refused_by_name(tmp_path, overrides, problem):
    with pytest.raises(CommentsSettingsError) as failure:
        Pelican(make_settings(tmp_path / "out", **overrides))
    assert str(failure.value).split("\n", 1)[1] == problem


def test_upper_case_schemes_are_accepted_and_rebuilt(tmp_path):
    out = run_build(
        tmp_path / "output",
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL="HTTPS://Comments.EXAMPLE.org/isso/",
    )
    policy = directives(headers(out))
    assert policy["script-src"] == ["'self'", "https://comments.example.org"]


# --- The policy is written only when it can be known to fit the theme -----------------------


FOREIGN = {"THEME": "notmyidea", "PLUGINS": ["pelican.plugins.townsquare_comments"]}


def test_foreign_theme_gets_no_policy_and_an_info_line(tmp_path, one_post, caplog):
    caplog.set_level(logging.INFO)
    write_post(one_post)
    out = run_build(tmp_path / "output", PATH=str(one_post), **FOREIGN)
    assert headers(out).split("\n")[1:] == ["/*", *SAFE_HEADERS, ""]
    theme = make_settings(tmp_path / "x", THEME="notmyidea")["THEME"]
    assert [r.getMessage() for r in caplog.records if "_headers" in r.getMessage()] == [
        f"comments: wrote {out / '_headers'} without a Content-Security-Policy: the theme "
        f"{theme} is not Townsquare's, so the sources its pages need are unknown; list them in "
        "COMMENTS_CSP_EXTRA (COMMENTS_CSP_EXTRA = {} when it needs none) to add one"
    ]


def test_foreign_theme_with_declared_sources_gets_the_policy_with_them(tmp_path, one_post):
    extra = {
        "style-src": ["'unsafe-inline'", "https://Fonts.googleapis.com/"],
        "font-src": ["https://fonts.gstatic.com"],
        "script-src": ["https://*.cdn.example", "'sha256-" + "A" * 43 + "='"],
    }
    write_post(one_post)
    out = run_build(tmp_path / "output", PATH=str(one_post), COMMENTS_CSP_EXTRA=extra, **FOREIGN)
    policy = directives(headers(out))
    assert policy["style-src"] == ["'self'", "'unsafe-inline'", "https://fonts.googleapis.com"]
    assert policy["font-src"] == ["'self'", "https://fonts.gstatic.com"]
    assert policy["script-src"] == [
        "'self'",
        "https://*.cdn.example",
        "'sha256-" + "A" * 43 + "='",
    ]
    assert policy["frame-ancestors"] == ["'none'"]


def test_declared_sources_are_checked(tmp_path):
    extra = {
        "frame-ancestors": ["*"],
        "img-src": "https://img.example",
        "script-src": ["https://cdn.example/lib.js", "unsafe-inline", "http://[::1"],
    }
    with pytest.raises(CommentsSettingsError) as failure:
        Pelican(make_settings(tmp_path / "out", COMMENTS_CSP_EXTRA=extra))
    problem = str(failure.value).split("\n")[1]
    assert problem.split("; allowed:")[0].split("}; ", 1)[1].split("; ") == [
        "'frame-ancestors' is not one of script-src, style-src, img-src, font-src, media-src, "
        "connect-src, frame-src, worker-src, manifest-src, form-action",
        "'img-src' must list its sources, like ['https://cdn.example']",
        "'script-src' source 'https://cdn.example/lib.js' has a path ('/lib.js') — list the "
        "origin only, like https://cdn.example",
        "'script-src' source 'unsafe-inline' is not an origin like https://cdn.example, a "
        "keyword ('self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval'), data:, "
        "blob:, https: or a 'sha256-...' hash",
        "'script-src' source 'http://[::1' Invalid IPv6 URL",
    ]


# --- Property: no input adds a directive or a header line ----------------------------------

#: Strings built to hit the parser's edges: URL-ish prefixes, CSP/header delimiters, IDNA.
DANGEROUS = st.text(alphabet=st.sampled_from([*"aZ09.-:/;, '\"\n\r\t*[]@%?#\\é", "\u2028"]))
HOSTS = st.from_regex(
    r"[A-Za-z0-9é-]{1,12}(\.[A-Za-z]{2,6}){1,2}|\[[0-9a-f:]{2,12}\]", fullmatch=True
)
PORTS = st.one_of(st.just(""), st.integers(0, 70000).map(lambda n: f":{n}"))
VALUES = st.one_of(
    st.text(max_size=40),
    DANGEROUS,
    st.builds(lambda a, b: f"https://{a}{b}", DANGEROUS, st.text(max_size=10)),
    st.builds(lambda a: f"HTTPS://mastodon.example{a}/@a/1", DANGEROUS),
    # Mostly valid addresses (so that many are accepted and go through the rebuild), with a
    # random path or tail that may hold anything.
    st.builds(
        lambda scheme, host, port, tail: f"{scheme}://{host}{port}{tail}",
        st.sampled_from(["https", "HTTP", "Https"]),
        HOSTS,
        PORTS,
        st.one_of(st.just("/"), st.just("/@a/12"), DANGEROUS.map(lambda t: "/@a/1" + t)),
    ),
)
#: Where a value can come from: (setting overrides, front matter key, body image) per case.
ORIGIN_SETTINGS = {
    "COMMENTS_ISSO_URL": {"COMMENTS_PROVIDER": "isso"},
    "COMMENTS_REMARK42_HOST": {"COMMENTS_PROVIDER": "remark42", "COMMENTS_REMARK42_SITE_ID": "t"},
    "COMMENTS_CUSDIS_HOST": {"COMMENTS_PROVIDER": "cusdis", "COMMENTS_CUSDIS_APP_ID": "a"},
    "COMMENTS_DISQUS_SHORTNAME": {"COMMENTS_PROVIDER": "disqus"},
    "COMMENTS_GISCUS_REPO": {
        "COMMENTS_PROVIDER": "giscus",
        "COMMENTS_GISCUS_REPO_ID": "R",
        "COMMENTS_GISCUS_CATEGORY": "C",
        "COMMENTS_GISCUS_CATEGORY_ID": "D",
    },
    "COMMENTS_UTTERANCES_REPO": {"COMMENTS_PROVIDER": "utterances"},
}


@pytest.fixture(scope="module")
def base_settings(tmp_path_factory):
    """The fixture blog's settings (read once; each example works on a copy)."""
    return make_settings(tmp_path_factory.mktemp("csp-property") / "out")


def policy_for(settings_in, metadata=None, body="<p>x</p>"):
    """The `_headers` text the build would write, or None when the input is refused."""
    config = dict(settings_in)
    reset_plugin_signals()  # no plugin of an earlier build reacts to the Article below
    try:
        validate(config)
        validate_feeds(config)  # the plugin that owns FEEDS_NEWSLETTER, loaded in the blog
    except (CommentsSettingsError, FeedsSettingsError):
        return None
    article = Article(
        body,
        metadata={"title": "T", "date": SafeDatetime(2026, 7, 1), "slug": "t", **(metadata or {})},
        settings=config,
        source_path="/blog/content/posts/t.md",
    )
    refused = []
    logger = logging.getLogger("pelican.plugins.townsquare_comments.area")
    handler = logging.Handler(logging.ERROR)
    handler.emit = refused.append
    logger.addHandler(handler)
    try:
        area = comment_area(article, config)
    finally:
        logger.removeHandler(handler)
    provider = BY_NAME.get(config["COMMENTS_PROVIDER"])
    posts = [area.post] if area.embed is not None else []
    sources = provider.origins(config, posts) if provider else {}
    images = image_origins([article], config, lambda *a: refused.append(a))
    if refused:
        return None
    return headers_file(build_policy(config, sources, images))


def assert_no_new_directive(text, baseline):
    """Only directives the benign baseline has (each once, plain sources), no extra line."""
    assert set(directives(text)) <= set(directives(baseline))


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


#: A valid value of each origin-like setting, for the baseline policy.
BENIGN = {"COMMENTS_DISQUS_SHORTNAME": "ok", "COMMENTS_GISCUS_REPO": "o/r"}
BENIGN["COMMENTS_UTTERANCES_REPO"] = "o/r"


@PROPERTY
@given(name=st.sampled_from(sorted(ORIGIN_SETTINGS)), value=VALUES)
def test_no_setting_value_adds_a_directive(base_settings, name, value):
    config = {**base_settings, **ORIGIN_SETTINGS[name]}
    baseline = policy_for({**config, name: BENIGN.get(name, "https://ok.example/")})
    text = policy_for({**config, name: value})
    if text is not None:
        assert_no_new_directive(text, baseline)


@PROPERTY
@given(value=VALUES, kind=st.sampled_from(["newsletter", "instances", "extra"]))
def test_no_other_policy_input_adds_a_directive(base_settings, value, kind):
    overrides = {
        "newsletter": {"FEEDS_NEWSLETTER": {"action": value, "field": "email"}},
        "instances": {"SHARE_MASTODON_INSTANCES": (value,)},
        "extra": {"COMMENTS_CSP_EXTRA": {"connect-src": [value]}},
    }[kind]
    baseline = policy_for({**base_settings, "COMMENTS_CSP_EXTRA": {"connect-src": []}})
    text = policy_for({**base_settings, "COMMENTS_CSP_EXTRA": {"connect-src": []}, **overrides})
    if text is not None:
        assert_no_new_directive(text, baseline)


@PROPERTY
@given(value=VALUES, key=st.sampled_from(["mastodon", "linkedin", "image"]))
def test_no_front_matter_or_image_adds_a_directive(base_settings, value, key):
    config = {**base_settings, "COMMENTS_PROVIDER": "mastodon"}
    toot = {"mastodon": "https://mastodon.example/@a/1"}
    baseline = policy_for(config, toot, '<p><img src="https://img.example/a.png"></p>')
    if key == "image":
        escaped = value.replace("&", "&amp;").replace('"', "&quot;")
        text = policy_for(config, toot, f'<p><img src="{escaped}"></p>')
    else:
        text = policy_for(config, {**toot, key: value})
    if text is not None:
        assert_no_new_directive(text, baseline)


# -- a `_headers` file the blog ships itself --------------------------------------------------
USER_HEADERS = """# the leader's own rules
/feeds/*
  Access-Control-Allow-Origin: *
"""


def test_a_headers_file_the_blog_ships_is_kept_and_gets_the_policy(tmp_path, content_copy):
    # A user's content/extra/_headers used to be copied over the kit's file by Pelican's static
    # generator (which runs last): the site lost its Content-Security-Policy without a word.
    (content_copy / "extra").mkdir()
    (content_copy / "extra" / "_headers").write_text(USER_HEADERS, encoding="utf-8")
    out = tmp_path / "output"
    run_build(
        out,
        PATH=str(content_copy),
        EXTRA_PATH_METADATA={"extra/_headers": {"path": "_headers"}},
    )
    text = headers(out)
    assert text.startswith(USER_HEADERS), text
    kit = text[len(USER_HEADERS) :].lstrip("\n")
    policy = directives(kit)
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_headers_file_the_blog_ships_is_left_alone_when_the_kit_writes_none(
    tmp_path, content_copy
):
    (content_copy / "extra").mkdir()
    (content_copy / "extra" / "_headers").write_text(USER_HEADERS, encoding="utf-8")
    out = tmp_path / "output"
    run_build(
        out,
        PATH=str(content_copy),
        EXTRA_PATH_METADATA={"extra/_headers": {"path": "_headers"}},
        COMMENTS_HEADERS=False,
    )
    assert headers(out) == USER_HEADERS
