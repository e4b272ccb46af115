"""The `giaoban` command: Django's management commands plus the project's own.

`giaoban import dhis2 FILE` and `giaoban meeting parse FILE` are ordinary management commands
(`import`, `meeting`) with a sub-command as their first argument.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "giaoban"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
