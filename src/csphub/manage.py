"""The `csphub` console script: Django's manage.py for CSP Hub.

Commands are written with hyphens (`csphub import-police`) and live in files named with
underscores (Django finds commands by module name), so the hyphens are mapped here, once.
A command that needs no web settings (`csphub redact`) runs before Django is set up, so it
works with no SECRET_KEY, DEBUG or database in the environment.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import cast

# Command name -> the plain-Python entry point that runs it without Django.
STANDALONE: dict[str, str] = {"redact": "csphub.sanitise.cli:main"}


def command_name(name: str) -> str:
    """`import-police` -> `import_police`; options and plain names pass through."""
    return name if name.startswith("-") else name.replace("-", "_")


def django_argv(argv: Sequence[str]) -> list[str]:
    """Map the command name, and the one `help` is asked about, to Django's spelling."""
    args = list(argv)
    if len(args) > 1:
        args[1] = command_name(args[1])
    if len(args) > 2 and args[1] == "help":
        args[2] = command_name(args[2])
    return args


def _standalone(name: str) -> Callable[[list[str]], int] | None:
    target = STANDALONE.get(name)
    if target is None:
        return None
    module_name, function_name = target.split(":")
    module = importlib.import_module(module_name)
    return cast(Callable[[list[str]], int], getattr(module, function_name))


def main(argv: Sequence[str] | None = None) -> None:
    args = django_argv(sys.argv if argv is None else argv)
    standalone = _standalone(args[1]) if len(args) > 1 else None
    if standalone is not None:
        sys.exit(standalone(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
