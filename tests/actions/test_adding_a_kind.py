"""A kind is one declaration: a throwaway kind declared by a test module alone
gets its resource (list, detail, create, CSV, the feed and the schema).

It runs in a process of its own, with settings that name the test's kind
module (ACTION_KIND_MODULES), so that the kind is derived at start-up exactly
as the real ones are, and the other tests never see it. Its tables are built
from the models (`--nomigrations`): the kind's constraints come with it, as a
migration made by `makemigrations` would bring them.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_kind_declared_in_one_module_gets_its_whole_resource():
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "-o", "python_files=check_*.py", "--create-db", "--nomigrations",
            "--ds=tests.actions.throwaway.settings",
            "tests/actions/throwaway/check_throwaway_kind.py",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.actions.throwaway.settings"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout
