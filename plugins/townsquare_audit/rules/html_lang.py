"""html-lang: the page declares its language, for screen readers, translation and search."""

from ..kinds import READ_KINDS
from .base import Rule


class HtmlLang(Rule):
    """<html lang> is present and not empty."""

    id = "html-lang"
    description = "<html> has a lang attribute"
    hint = 'add lang to <html>, e.g. <html lang="en"> (Pelican: DEFAULT_LANG)'
    kinds = READ_KINDS

    def check(self, page):
        if not (page.html_attrs.get("lang") or "").strip():
            yield self.finding(page, page.line_of("<html"), "<html> has no lang attribute")
