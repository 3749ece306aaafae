"""How to audit: the Options every entry point (command, build, preview) hands the runner."""

from dataclasses import dataclass

from .pickling import reduce_dataclass

DEFAULT_SAMPLE_HANDLES = ("@townsquare_ex", "@amara_example")
#: The sample blog's name and subtitle: left in a page's description after the leader renamed
#: the blog, they tell readers the sample's name (build audits only: the site name is known).
DEFAULT_SAMPLE_STRINGS = ("Townsquare", "Leaders who write to start conversations")


@dataclass(frozen=True)
class Options:
    """How to audit: rules, pages to skip, publish mode, site URL, parallelism, kinds."""

    rules: tuple | None = None  # rule ids to run; None = all (an empty tuple runs none)
    ignore: tuple = ()  # fnmatch globs on site-relative paths
    publish: bool = False
    base_url: str = ""
    jobs: int = 0  # 0 = one per core
    display_root: str = ""  # how the site folder is named in reports (default: as given)
    kinds: tuple = ()  # ((glob, kind), ...): the kind of matching pages, whatever they show
    sample_handles: tuple = DEFAULT_SAMPLE_HANDLES  # refused by the placeholders rule
    docs_share: bool = False  # hold docs pages to the share rules, like pages
    sample_strings: tuple = ()  # the sample's own words, refused by the placeholders rule

    __reduce__ = reduce_dataclass  # to worker processes without importing Pelican


#: Every option at its default (frozen, so one instance serves every call that passes none).
DEFAULTS = Options()
