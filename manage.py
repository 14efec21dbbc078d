#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")
    # manage.py is the developer's tool: development mode unless DJANGO_DEBUG
    # says otherwise. The WSGI entry point (gunicorn) has no such default, so a
    # server started without DJANGO_DEBUG runs in production mode and refuses to
    # start without DJANGO_SECRET_KEY.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
