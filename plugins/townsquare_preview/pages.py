"""Write the share preview pages and the live-reload build stamp after a local build.

Runs at ``finalized``, when every article is written to the (staged) output folder, so the
cards come from the HTML readers and crawlers will actually get.
"""

import logging
import secrets
import shutil
from pathlib import Path

import jinja2

from pelican.plugins.townsquare.guard import inside

from .findings import page_findings
from .metadata import read_shared_meta
from .networks import cards_for

logger = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent / "assets"
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "townsquare/preview.html"
# Where the local-only assets and the build stamp live, relative to the output folder.
ASSET_DIR = "preview"
STAMP = "build-stamp.txt"

# Articles seen by each build, keyed by the id of its settings dict (shared by generators and
# the Pelican object); finalized() pops its entry so nothing outlives the build.
_POSTS = {}


def collect_posts(generator):
    """Remember the published and draft articles of this build (article_generator_finalized)."""
    if generator.settings.get("PREVIEW_ENABLED"):
        _POSTS[id(generator.settings)] = list(generator.articles) + list(generator.drafts)


def _environment(settings):
    """A Jinja environment over the plugin's own templates (any theme), always autoescaping."""
    options = {k: v for k, v in settings.get("JINJA_ENVIRONMENT", {}).items() if k != "autoescape"}
    loader = jinja2.FileSystemLoader(str(TEMPLATES))
    return jinja2.Environment(loader=loader, autoescape=True, **options)


def write_previews(pelican):
    """Write one preview page per article, the assets and a fresh build stamp (finalized)."""
    settings = pelican.settings
    posts = _POSTS.pop(id(settings), [])
    output = Path(pelican.output_path)
    if settings.get("PREVIEW_ENABLED") or settings.get("PREVIEW_LIVE_RELOAD"):
        _copy_assets(output)
    if settings.get("PREVIEW_LIVE_RELOAD"):
        # Any change of this value makes open pages reload (assets/livereload.js polls it).
        (output / ASSET_DIR / STAMP).write_text(secrets.token_hex(8) + "\n", encoding="utf-8")
    if not settings.get("PREVIEW_ENABLED"):
        return
    template = _environment(settings).get_template(TEMPLATE)
    for post in posts:
        _write_one(post, output, settings, template)
    logger.info("preview: wrote %d share preview page(s)", len(posts))


def _copy_assets(output):
    """Copy the local-only CSS and JS next to the preview pages."""
    target = output / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for asset in sorted(ASSETS.iterdir()):
        shutil.copyfile(asset, target / asset.name)


def preview_save_as(settings, slug):
    """Return the output-relative path of a post's preview page."""
    return settings["PREVIEW_SAVE_AS"].format(slug=slug)


def _write_one(post, output, settings, template):
    """Render the preview page of one article from its written HTML."""
    built = output / post.save_as
    if not built.is_file():
        logger.warning("preview: %s was not written; no preview for it", post.save_as)
        return
    siteurl = settings.get("SITEURL", "")
    meta = read_shared_meta(built.read_text(encoding="utf-8"), f"{siteurl}/{post.url}")
    findings, audit_note = page_findings(built, output, settings)
    relative = preview_save_as(settings, post.slug)
    found = inside(output, relative)
    if found is None:  # a Slug: with '..' in it: never write outside the output folder
        logger.error(
            "preview: %s: the preview page %s would be written outside the output folder — "
            "fix: give the post a plain Slug (no '..' or '/')",
            post.source_path,
            relative,
        )
        return
    target = Path(found)
    target.parent.mkdir(parents=True, exist_ok=True)
    html = template.render(
        SITEURL=siteurl,
        SITENAME=settings.get("SITENAME", ""),
        THEME_STATIC_DIR=settings.get("THEME_STATIC_DIR", "theme"),
        DEFAULT_LANG=settings.get("DEFAULT_LANG", "en"),
        asset_url=f"{siteurl}/{ASSET_DIR}",
        post=post,
        post_url=f"{siteurl}/{post.url}",
        meta=meta,
        cards=cards_for(meta, settings["PREVIEW_NETWORKS"]),
        findings=findings,
        audit_note=audit_note,
        live_reload=settings.get("PREVIEW_LIVE_RELOAD"),
    )
    target.write_text(html, encoding="utf-8")
