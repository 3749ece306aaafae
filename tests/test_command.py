"""The `townsquare` console script (townsquare_command.py): `townsquare audit` starts without
loading Pelican, reports exactly what the plugin's own command reports, and leaves the kit's
packages importable the ordinary way afterwards."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from audit_helpers import AUDIT_FIXTURES, COMPLETE_PAGE

#: Run in a fresh interpreter: the `townsquare` command, then what it left in sys.modules.
AUDIT_THEN_LIST_MODULES = """
import sys
import townsquare_command
status = townsquare_command.main(["audit", *sys.argv[1:]])
loaded = [m for m in sys.modules if m == "pelican" or m.startswith("pelican.")]
print(sorted(m for m in loaded if not m.startswith("pelican.plugins.townsquare")), file=sys.stderr)
sys.exit(status)
"""


@pytest.fixture
def site(tmp_path):
    """A clean home page and an article missing its share links (exit status 1)."""
    root = tmp_path / "site"
    shutil.copytree(AUDIT_FIXTURES / "_site", root)
    (root / "posts").mkdir()
    shutil.copy(COMPLETE_PAGE, root / "index.html")
    shutil.copy(AUDIT_FIXTURES / "share-links" / "missing.html", root / "posts" / "missing.html")
    return root


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_townsquare_audit_never_imports_pelican_and_reports_like_the_plugin(site):
    args = [str(site), "--jobs", "1", "--site-url", "https://example.org"]
    fast = run(sys.executable, "-c", AUDIT_THEN_LIST_MODULES, *args)
    plugin = run(sys.executable, "-m", "pelican.plugins.townsquare_audit", *args)
    assert fast.stderr == "[]\n"  # not pelican, pelican.plugins, generators, readers...
    assert (fast.returncode, plugin.returncode) == (1, 1)
    assert "[share-links] no share links" in fast.stdout
    assert fast.stdout == plugin.stdout


def test_the_installed_console_script_is_this_command(site):
    script = Path(sys.executable).with_name("townsquare")
    result = run(str(script), "audit", str(site), "--jobs", "1", "--format", "json")
    assert result.returncode == 1
    assert '"rule": "share-links"' in result.stdout
    assert run(str(script), "audit", "--help").stdout.startswith("usage: townsquare audit ")


def test_the_kit_imports_the_ordinary_way_afterwards(site):
    # What Pelican's plugin loader does (import by name, then register()), in the same process.
    script = AUDIT_THEN_LIST_MODULES.replace(
        "sys.exit(status)",
        "import importlib\n"
        "from pelican import signals\n"
        "from pelican.plugins import townsquare_audit\n"
        "same = importlib.import_module('pelican.plugins.townsquare_audit') is townsquare_audit\n"
        "townsquare_audit.register()\n"
        "print(same, any(signals.finalized.receivers_for(None)))",
    )
    result = run(sys.executable, "-c", script, str(site), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True True"


#: Fails any import of the top-level pelican package, in this process and its forked workers.
BLOCK_PELICAN = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "pelican":
            raise ImportError("pelican was imported")
sys.meta_path.insert(0, Blocker())
import townsquare_command
sys.exit(townsquare_command.main(["audit", *sys.argv[1:]]))
"""


def test_workers_and_their_findings_travel_without_importing_pelican(site):
    # 200+ pages go to worker processes: the work sent, its options and the findings coming
    # back are pickled; pickle's own lookup would import Pelican in every process.
    missing = site / "posts" / "missing.html"
    for n in range(210):
        (site / "posts" / f"copy-{n:03}.html").write_bytes(missing.read_bytes())
    args = [str(site), "--site-url", "https://example.org"]
    both = run(sys.executable, "-c", BLOCK_PELICAN, *args, "--jobs", "2")
    one = run(sys.executable, "-c", BLOCK_PELICAN, *args, "--jobs", "1")
    assert both.stderr == "" and one.stderr == ""
    assert (both.returncode, one.returncode) == (1, 1)
    assert both.stdout == one.stdout
    assert both.stdout.count("[share-links] no share links") == 211
