"""The `csphub` console script: hyphenated command names, each command listed once, and
`csphub redact` with nothing in the environment."""

import os
import re
import subprocess
import sys
from pathlib import Path

from csphub.manage import django_argv

CSPHUB = Path(sys.executable).with_name("csphub")


def csphub(*args, env=None, stdin=None):
    environment = env if env is not None else {**os.environ, "DEBUG": "true"}
    return subprocess.run(
        [str(CSPHUB), *args],
        capture_output=True,
        text=True,
        env=environment,
        input=stdin,
        timeout=120,
    )


def test_hyphens_in_a_command_name_become_underscores():
    assert django_argv(["csphub", "import-police", "--dry-run", "a-file.csv"]) == [
        "csphub",
        "import_police",
        "--dry-run",
        "a-file.csv",
    ]


def test_help_about_a_hyphenated_command_finds_it():
    assert django_argv(["csphub", "help", "load-demo"]) == ["csphub", "help", "load_demo"]


def test_options_and_plain_names_are_left_alone():
    assert django_argv(["csphub", "--version"]) == ["csphub", "--version"]
    assert django_argv(["csphub", "migrate", "intelligence"]) == [
        "csphub",
        "migrate",
        "intelligence",
    ]


def test_help_lists_each_command_once():
    result = csphub("help")
    assert result.returncode == 0, result.stderr
    names = re.findall(r"^    (\S+)$", result.stdout, flags=re.MULTILINE)
    assert "import_police" in names and "load_demo" in names and "redact" in names
    assert len(names) == len(set(names))
    assert not [name for name in names if "-" in name]


def test_a_hyphenated_command_runs():
    result = csphub("send-digest", "--help")
    assert result.returncode == 0, result.stderr
    assert "digest" in result.stdout


def test_redact_needs_no_settings_in_the_environment():
    bare = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = csphub("redact", env=bare, stdin="Piotr Nowak rang 07700 900123.\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[PERSON A] rang [PHONE].\n"


def test_redact_without_settings_explains_a_missing_file(tmp_path):
    bare = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = csphub("redact", str(tmp_path / "missing.txt"), env=bare)
    assert result.returncode == 2
    assert "Cannot read" in result.stderr
