"""The drop-in CI step: action.yml (composite), the pre-commit hook, and example workflows.

The Hugo and MkDocs example repositories' workflows (tests/fixtures/ci/) use the action and
pass actionlint; the action's audit step runs here, as the runner would run it, on sites the
real generators built, and its findings come out as GitHub annotations.
"""

import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import FIXTURES, ROOT
from test_publish_configs import run_actionlint

EXAMPLES = sorted((FIXTURES / "ci").glob("*/.github/workflows/*.yml"))


def action():
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def run_audit_step(site, **inputs):
    """Run the action's audit step with bash, its env filled from inputs (as the runner does)."""
    step = next(s for s in action()["runs"]["steps"] if s.get("name") == "Audit the built site")
    defaults = {name: spec.get("default", "") for name, spec in action()["inputs"].items()}
    values = {**defaults, "path": str(site), **inputs}
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "AUDIT_PATH": values["path"],
        "AUDIT_SITE_URL": values["site-url"],
        "AUDIT_FAIL_ON": values["fail-on"],
        "AUDIT_ARGS": values["args"],
    }
    return subprocess.run(
        ["bash", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_action_is_composite_and_passes_inputs_through_env():
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert spec["inputs"]["path"]["required"] is True
    for step in spec["runs"]["steps"]:
        assert "${{" not in step.get("run", "")  # inputs reach the shell through env only


def test_the_example_workflows_use_the_action_and_pass_actionlint():
    assert [p.parent.parent.parent.name for p in EXAMPLES] == ["hugo", "mkdocs"]
    for path in EXAMPLES:
        steps = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]["audit"]["steps"]
        assert any(step.get("uses", "").endswith("/townsquare@v1") for step in steps)
    status, findings = run_actionlint(*EXAMPLES)
    assert findings == []
    assert status == 0


def test_the_audit_step_annotates_findings_on_a_hugo_build(generator_sites):
    site = generator_sites["hugo-stamped"]
    done = run_audit_step(site, args="--rules share-links")
    lines = done.stdout.splitlines()
    assert done.returncode == 1, done.stderr
    assert f"::error file={site}/posts/walk-1/index.html,line=" in done.stdout
    assert all(line.startswith("::error file=") for line in lines[:-1])
    assert ",title=share-links::no share links" in lines[0]
    assert lines[-1].startswith("audit: 34 pages audited")


def test_the_audit_step_on_an_mkdocs_build_and_fail_on_never(generator_sites):
    site = generator_sites["mkdocs-blog"]
    done = run_audit_step(site, args="--rules share-links,internal-links", **{"fail-on": "never"})
    assert done.returncode == 0, done.stderr
    flagged = {line.split(",")[0] for line in done.stdout.splitlines() if line.startswith("::")}
    assert f"::error file={site}/blog/2024/01/11/release-1/index.html" in flagged
    assert not any("reference/api" in line for line in flagged)  # docs pages: not held to it


def test_the_pre_commit_hook_runs_the_command():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "townsquare audit" and hook["pass_filenames"] is False
    assert hook["language"] == "python" and hook["args"] == ["output"]
