"""The `townsquare` command behaves like its neighbours: help, exit codes 0/1/2, no traceback."""

import pytest
from conftest import townsquare


def run(*args, cwd=None):
    return townsquare(*args, cwd=cwd, timeout=60)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: townsquare [-h] [--version] COMMAND ...")
    for command in ("new", "post", "serve", "audit"):
        assert f"    {command} " in result.stdout


@pytest.mark.parametrize("args", [(), ("publish",)])
def test_no_or_unknown_command_is_a_usage_error(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("usage: townsquare")


@pytest.mark.parametrize("command", ["new", "post", "serve", "audit"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: townsquare {command} ")


def test_audit_of_a_missing_folder_exits_2_without_traceback(tmp_path):
    result = run("audit", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(tmp_path / "nope") in result.stderr


def test_post_outside_a_blog_says_where_to_run_it(tmp_path):
    result = run("post", "A title", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "newpost: no settings file pelicanconf.py; run this in your blog's folder "
        "(the one with pelicanconf.py) or pass --settings\n"
    )
