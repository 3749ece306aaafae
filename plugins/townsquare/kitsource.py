"""Where a new blog installs the kit from: a requirement line any machine can install.

A blog's requirements.txt runs on its host's CI and on the leader's next laptop, so it may name
the kit only by an address those machines reach: a git URL (at a tag) or a package index
version. A kit installed from a folder of this machine (``pip install .``, ``pip install -e .``,
a local clone) has no such address; ``townsquare new`` then stops and asks for ``--kit URL``.
"""

import json
from importlib import metadata
from pathlib import Path

#: URLs pip installs as they are (anything else with a scheme is a git repository).
ARCHIVES = (".whl", ".tar.gz", ".zip")
#: The kit's own dependencies pinned in the new blog, at the versions installed now.
PINNED = ("pelican", "markdown", "beautifulsoup4", "lxml", "feedgen", "pillow", "rich")


class KitSourceError(Exception):
    """The kit's source cannot be written into a blog that must install on other machines."""


def kit_requirement():
    """How the new blog installs this kit: the git URL or index version it was installed from.

    A kit installed from a folder of this machine (a checkout, an editable install, a local git
    clone) has no address another machine can use: KitSourceError names it and the fix.
    """
    try:
        dist = metadata.distribution("townsquare")
    except metadata.PackageNotFoundError:
        return "townsquare"
    origin = json.loads(dist.read_text("direct_url.json") or "{}")
    url = origin.get("url", "")
    if not url:
        return f"townsquare=={dist.version}"
    vcs = origin.get("vcs_info")
    if vcs and not url.startswith("file:"):
        revision = vcs.get("requested_revision") or vcs["commit_id"]
        return f"townsquare @ {vcs['vcs']}+{url}@{revision}"
    raise KitSourceError(
        f"the kit was installed from {url}, a place on this machine that other machines (your "
        "host's CI, a laptop) cannot install from; fix: say where the kit comes from, e.g. "
        "--kit https://github.com/OWNER/townsquare.git@v" + dist.version + " (its git URL at a "
        "tag) or --kit townsquare==" + dist.version + " (a package index)"
    )


def kit_option(value):
    """The requirement line for --kit: a requirement as is, a URL as `townsquare @ URL`.

    A git URL without a scheme prefix gets ``git+`` (pip needs it); an archive URL (.whl,
    .tar.gz, .zip) is used as it is. A path of this machine is refused with KitSourceError.
    """
    value = value.strip()
    if value.startswith("townsquare") and not Path(value).exists():
        return value  # townsquare==0.2.0, townsquare @ git+https://...
    if "://" not in value:
        raise KitSourceError(
            f"--kit {value!r} is not a URL or a townsquare requirement; fix: give the kit's git "
            "URL at a tag (https://github.com/OWNER/townsquare.git@v0.2.0) or townsquare==VERSION"
        )
    if not value.startswith("git+") and not value.endswith(ARCHIVES):
        value = f"git+{value}"
    return f"townsquare @ {value}"


def requirements(kit):
    """requirements.txt lines: the kit, and its dependencies pinned as installed now."""
    lines = [kit]
    for name in PINNED:
        try:
            lines.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return "\n".join(lines)


def requirement_line(kit_option_value):
    """The kit's requirement line for a new blog: --kit when given, else where it came from."""
    if kit_option_value:
        return kit_option(kit_option_value)
    return kit_requirement()
