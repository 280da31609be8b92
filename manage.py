#!/usr/bin/env python
"""Django's command-line utility; starts the embedded PostgreSQL first when a command needs it."""

import os
import sys

NO_DATABASE = {"parse", "help", "version", "--help", "-h", "--version", "collectstatic", "check", "makemigrations"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if not os.environ.get("DATABASE_URL") and command not in NO_DATABASE:
        from archive import embedded_db

        embedded_db.ensure_running()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
