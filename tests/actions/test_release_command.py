"""`manage.py release`: what it records and what it refuses."""

import pytest
from django.core.management import CommandError, call_command

from actions.models import Action, Citation, Release


def test_release_records_counts_and_prints_them(db, capsys):
    call_command("release", "2026.1", "--notes", "First release.")
    release = Release.objects.get(name="2026.1")
    assert release.notes == "First release."
    assert release.counts["actions"] == Action.objects.count()
    assert release.counts["citations"] == Citation.objects.count()
    assert sum(release.counts["actions_by_kind"].values()) == release.counts["actions"]
    assert release.changes_since_previous is None
    out = capsys.readouterr().out
    assert "Release 2026.1 cut at" in out and "actions" in out


def test_release_refuses_a_taken_name(db):
    call_command("release", "2026.1", verbosity=0)
    with pytest.raises(CommandError, match="exists already"):
        call_command("release", "2026.1")


def test_release_refuses_a_bad_name(db):
    with pytest.raises(CommandError, match="Letters, digits"):
        call_command("release", "two words")


def test_release_refuses_an_empty_dataset(db):
    Citation.objects.all().delete()
    Action.objects.update(in_response_to=None)
    Action.objects.all().delete()
    with pytest.raises(CommandError, match="no action"):
        call_command("release", "2026.1")
    assert not Release.objects.exists()


def test_a_release_is_immutable(db):
    call_command("release", "2026.1", verbosity=0)
    release = Release.objects.get()
    release.notes = "changed"
    with pytest.raises(ValueError):
        release.save()
