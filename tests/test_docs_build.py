"""The documentation site (mkdocs.yml, docs/) builds with no warning, and stands alone.

`mkdocs build --strict` turns every warning into a failure: a page left out of
the nav, a link to a missing page or heading (mkdocs.yml sets `validation`).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Markdown links and images: [text](target); code spans removed first.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def test_docs_build_strict_without_warnings(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(ROOT / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "development" / "adding-a-kind" / "index.html").is_file()


def test_docs_fetch_nothing_at_build_time():
    """CI reaches no network but PyPI: no Google Fonts, no social cards, no plugin that fetches."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    assert config["theme"]["font"] is False
    assert config["plugins"] == ["search"]


def _links(path):
    return LINK.findall(CODE.sub("", path.read_text()))


def test_readme_links_resolve_inside_the_repository():
    """The README is not part of the site, so mkdocs does not check its links."""
    for target in _links(ROOT / "README.md"):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        file = (ROOT / target.split("#")[0]).resolve()
        assert file.is_relative_to(ROOT), target
        assert file.exists(), target


def test_docs_never_point_outside_the_repository():
    """The project's docs stand alone: no engineering guide or file outside the repo."""
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text()
        assert "GUIDE.md" not in text, path
        assert "the guide" not in text.lower(), path
        for target in _links(path):
            assert not target.startswith("/"), (path, target)
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            file = (path.parent / target.split("#")[0]).resolve()
            assert file.is_relative_to(ROOT), (path, target)
