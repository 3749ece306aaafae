"""The comment providers: one small class per service, listed once in the PROVIDERS registry.

A provider declares the settings it needs (`required`) and their optional companions
(`optional`, with defaults), the script comments.js injects after the reader's click, the
attributes that script (or the provider's container) reads, and the origins the page must
allow in its Content-Security-Policy. Embed formats follow each provider's own documentation.
"""

import base64
import hashlib
from dataclasses import dataclass, field

from .origins import parse_origin


@dataclass(frozen=True)
class Post:
    """What a provider needs to know about the post: its URL, identifier, title, toot."""

    url: str
    identifier: str
    title: str
    toot: object = None  # a Toot (see area.py) when the post names one


@dataclass(frozen=True)
class Embed:
    """One post's embed: the script to inject and the container's data attributes."""

    provider: str
    label: str
    about: str
    src: str
    attrs: dict = field(default_factory=dict)
    #: id the provider's script looks for (isso-thread, disqus_thread, remark42, cusdis_thread).
    element_id: str = ""


def style_hash(text):
    """The CSP source allowing one inline <style> element whose content is text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class Provider:
    """Base class: subclasses set name, label, about, required/optional settings and embed()."""

    name = ""
    label = ""
    #: One plain-language line for readers: who hosts the comments, what they need to join in.
    about = ""
    #: Setting names that must be set (non-empty) when COMMENTS_PROVIDER names this provider.
    required = ()
    #: Optional setting names with their defaults.
    optional = {}
    #: {required setting: the setting themes already read for the same value}: the default
    #: drawn from what the blog says (DISQUS_SITENAME for notmyidea and most Pelican themes).
    adopted = {}

    def embed(self, settings, post):
        """The Embed for post, or None when this post has nothing to embed."""
        raise NotImplementedError

    def origins(self, settings, posts):
        """CSP sources by directive (script-src, frame-src, ...) for the embeds of posts."""
        raise NotImplementedError


class Giscus(Provider):
    name, label = "giscus", "giscus (GitHub Discussions)"
    about = (
        "Comments are hosted by giscus, on GitHub Discussions — you need a GitHub account "
        "to comment."
    )
    required = (
        "COMMENTS_GISCUS_REPO",
        "COMMENTS_GISCUS_REPO_ID",
        "COMMENTS_GISCUS_CATEGORY",
        "COMMENTS_GISCUS_CATEGORY_ID",
    )
    optional = {"COMMENTS_GISCUS_MAPPING": "pathname", "COMMENTS_GISCUS_LANG": "en"}

    def embed(self, settings, post):
        attrs = {
            "data-repo": settings["COMMENTS_GISCUS_REPO"],
            "data-repo-id": settings["COMMENTS_GISCUS_REPO_ID"],
            "data-category": settings["COMMENTS_GISCUS_CATEGORY"],
            "data-category-id": settings["COMMENTS_GISCUS_CATEGORY_ID"],
            "data-mapping": settings["COMMENTS_GISCUS_MAPPING"],
            "data-strict": "1",
            "data-reactions-enabled": "1",
            "data-emit-metadata": "0",
            "data-input-position": "bottom",
            "data-theme": "light",  # comments.js passes the reader's colour scheme
            "data-lang": settings["COMMENTS_GISCUS_LANG"],
            "data-loading": "lazy",
        }
        return Embed(self.name, self.label, self.about, "https://giscus.app/client.js", attrs)

    def origins(self, settings, posts):
        # client.js links giscus.app/default.css (the frame's width) and frames giscus.app.
        app = ("https://giscus.app",)
        return {"script-src": app, "style-src": app, "frame-src": app}


class Utterances(Provider):
    name, label = "utterances", "utterances (GitHub issues)"
    about = (
        "Comments are hosted by utterances, on GitHub issues — you need a GitHub account "
        "to comment."
    )
    #: The <style> element client.js inserts into <head> (the frame's full width), as served
    #: by utteranc.es with and without its later `color-scheme` line; allowed by hash only.
    STYLES = tuple(
        "\n    .utterances {\n      position: relative;\n      box-sizing: border-box;\n"
        "      width: 100%;\n      max-width: 760px;\n      margin-left: auto;\n"
        "      margin-right: auto;\n    }\n    .utterances-frame {\n"
        f"{scheme}      position: absolute;\n      left: 0;\n      right: 0;\n"
        "      width: 1px;\n      min-width: 100%;\n      max-width: 100%;\n"
        "      height: 100%;\n      border: 0;\n    }\n  "
        for scheme in ("      color-scheme: light;\n", "")
    )
    required = ("COMMENTS_UTTERANCES_REPO",)
    optional = {"COMMENTS_UTTERANCES_ISSUE_TERM": "pathname", "COMMENTS_UTTERANCES_LABEL": ""}

    def embed(self, settings, post):
        # utterances reads plain attributes (repo, issue-term, ...) from its script tag;
        # comments.js copies these data-* attributes over without the "data-" prefix.
        attrs = {
            "data-repo": settings["COMMENTS_UTTERANCES_REPO"],
            "data-issue-term": settings["COMMENTS_UTTERANCES_ISSUE_TERM"],
            "data-theme": "github-light",
        }
        if settings["COMMENTS_UTTERANCES_LABEL"]:
            attrs["data-label"] = settings["COMMENTS_UTTERANCES_LABEL"]
        return Embed(self.name, self.label, self.about, "https://utteranc.es/client.js", attrs)

    def origins(self, settings, posts):
        app = "https://utteranc.es"
        styles = tuple(style_hash(text) for text in self.STYLES)
        return {"script-src": (app,), "style-src": styles, "frame-src": (app,)}


class Disqus(Provider):
    name, label = "disqus", "Disqus"
    about = (
        "Comments are hosted by Disqus — you sign in with a Disqus, Facebook, X or Google "
        "account, or comment as a guest where this site allows it."
    )
    required = ("COMMENTS_DISQUS_SHORTNAME",)
    adopted = {"COMMENTS_DISQUS_SHORTNAME": "DISQUS_SITENAME"}

    def _host(self, settings):
        return f"https://{settings['COMMENTS_DISQUS_SHORTNAME']}.disqus.com"

    def embed(self, settings, post):
        attrs = {"data-page-url": post.url, "data-page-identifier": post.identifier}
        src = f"{self._host(settings)}/embed.js"
        return Embed(self.name, self.label, self.about, src, attrs, "disqus_thread")

    def origins(self, settings, posts):
        # Disqus loads its app from its CDN and frames disqus.com; it also styles inline.
        cdn = "https://c.disquscdn.com"
        return {
            "script-src": (self._host(settings), cdn),
            "frame-src": ("https://disqus.com",),
            "img-src": (cdn, "https://referrer.disqus.com"),
            "style-src": (cdn,),
            "connect-src": ("https://links.services.disqus.com",),
        }


class Isso(Provider):
    name, label = "isso", "Isso (self-hosted)"
    about = "Comments are hosted on this site's own Isso server — no account needed to comment."
    required = ("COMMENTS_ISSO_URL",)

    def _endpoint(self, settings):
        return settings["COMMENTS_ISSO_URL"].rstrip("/")

    def embed(self, settings, post):
        # data-title lets Isso create a thread without fetching the page to read its title.
        # Isso draws its identicons with style="fill: ..." attributes, which a strict
        # style-src refuses; without them the policy stays free of 'unsafe-inline'.
        attrs = {
            "data-isso": self._endpoint(settings) + "/",
            "data-isso-id": post.identifier,
            "data-title": post.title,
            "data-isso-avatar": "false",
        }
        src = f"{self._endpoint(settings)}/js/embed.min.js"
        return Embed(self.name, self.label, self.about, src, attrs, "isso-thread")

    def origins(self, settings, posts):
        server = parse_origin(self._endpoint(settings))
        return {
            "script-src": (server,),
            "connect-src": (server,),
            "style-src": (server,),
            "img-src": (server,),
        }


class Remark42(Provider):
    name, label = "remark42", "Remark42 (self-hosted)"
    about = (
        "Comments are hosted on this site's own Remark42 server — sign in with one of the "
        "accounts it offers, or anonymously where this site allows it."
    )
    required = ("COMMENTS_REMARK42_HOST", "COMMENTS_REMARK42_SITE_ID")

    def _host(self, settings):
        return settings["COMMENTS_REMARK42_HOST"].rstrip("/")

    def embed(self, settings, post):
        attrs = {
            "data-host": self._host(settings),
            "data-site-id": settings["COMMENTS_REMARK42_SITE_ID"],
            "data-url": post.url,
            "data-theme": "light",
        }
        src = f"{self._host(settings)}/web/embed.js"
        return Embed(self.name, self.label, self.about, src, attrs, "remark42")

    def origins(self, settings, posts):
        server = parse_origin(self._host(settings))
        return {"script-src": (server,), "frame-src": (server,), "connect-src": (server,)}


class Cusdis(Provider):
    name, label = "cusdis", "Cusdis"
    about = (
        "Comments are hosted by Cusdis — no account needed; a comment appears once the "
        "author approves it."
    )
    required = ("COMMENTS_CUSDIS_APP_ID",)
    optional = {"COMMENTS_CUSDIS_HOST": "https://cusdis.com"}

    def _host(self, settings):
        return settings["COMMENTS_CUSDIS_HOST"].rstrip("/")

    def embed(self, settings, post):
        attrs = {
            "data-host": self._host(settings),
            "data-app-id": settings["COMMENTS_CUSDIS_APP_ID"],
            "data-page-id": post.identifier,
            "data-page-url": post.url,
            "data-page-title": post.title,
            "data-theme": "light",
        }
        src = f"{self._host(settings)}/js/cusdis.es.js"
        return Embed(self.name, self.label, self.about, src, attrs, "cusdis_thread")

    def origins(self, settings, posts):
        server = parse_origin(self._host(settings))
        # The widget is an iframe written with srcdoc, which inherits this page's policy, and
        # its srcdoc starts with an inline <script> holding the page's data: no fixed hash can
        # allow it, so Cusdis needs 'unsafe-inline' (README, "Content-Security-Policy").
        return {
            "script-src": (server, "'unsafe-inline'"),
            "frame-src": (server,),
            "connect-src": (server,),
            "style-src": (server,),
        }


class Mastodon(Provider):
    """Replies to the post's toot, fetched from the instance's public API after the click."""

    name, label = "mastodon", "Mastodon"
    about = (
        "Replies come from Mastodon — answer the post there with any Mastodon account to join in."
    )

    def embed(self, settings, post):
        toot = post.toot
        if toot is None:
            return None
        attrs = {"data-host": toot.host, "data-toot-id": toot.id, "data-toot-url": toot.url}
        return Embed(self.name, self.label, self.about, "", attrs)

    def origins(self, settings, posts):
        hosts = sorted({p.toot.origin for p in posts if p.toot is not None})
        return {"connect-src": tuple(hosts)} if hosts else {}


#: Every provider the plugin can embed; COMMENTS_PROVIDER names one of these.
PROVIDERS = (Giscus(), Utterances(), Disqus(), Isso(), Remark42(), Cusdis(), Mastodon())

BY_NAME = {provider.name: provider for provider in PROVIDERS}
NAMES = tuple(BY_NAME)
