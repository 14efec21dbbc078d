"""API tokens: issued by a command, stored hashed, expiring, revocable."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

SOURCE = {"publisher": "Reuters", "title": "A report"}


def _issue(*args):
    out = StringIO()
    call_command("issue_token", *args, stdout=out)
    return out.getvalue().strip()


def _client(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_the_printed_key_authenticates_a_write(editor):
    key = _issue("editor")

    response = _client(key).post("/api/v1/sources/", SOURCE)

    assert response.status_code == 201


def test_only_a_hash_of_the_key_is_stored(editor):
    key = _issue("editor")

    [token] = AuthToken.objects.filter(user=editor)
    assert token.digest != key and key not in token.digest
    assert len(key) > len(token.token_key) and key.startswith(token.token_key)


def test_a_token_expires(editor):
    key = _issue("editor", "--expires", "7")
    token = AuthToken.objects.get(user=editor)
    assert token.expiry - timezone.now() == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(minutes=5)
    )
    AuthToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - datetime.timedelta(1))

    response = _client(key).post("/api/v1/sources/", SOURCE)

    assert response.status_code == 401
    assert not AuthToken.objects.filter(user=editor).exists()


def test_revoked_tokens_no_longer_authenticate(editor):
    keys = [_issue("editor"), _issue("editor")]

    assert _issue("editor", "--revoke") == "2 token(s) of editor revoked."

    for key in keys:
        assert _client(key).post("/api/v1/sources/", SOURCE).status_code == 401


def test_an_unknown_token_is_refused(db):
    response = _client("0" * 64).get("/api/v1/sources/")

    assert response.status_code == 401


def test_unknown_user_and_bad_expiry_are_errors(editor):
    with pytest.raises(CommandError, match="No user named"):
        _issue("nobody")
    with pytest.raises(CommandError, match="at least 1 day"):
        _issue("editor", "--expires", "0")
