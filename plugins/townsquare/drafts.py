"""What a draft is, for every plugin: local builds show drafts (noindex, no share or comment
controls), publish builds never contain them (townsquare_safebuild drops them)."""


def is_draft(content):
    """True for a post or page whose Status is draft."""
    return getattr(content, "status", "") == "draft"
