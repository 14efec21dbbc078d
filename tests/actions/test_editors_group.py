"""The Editors group holds exactly what data entry needs; only staff reach the admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from actions.editors import EDITOR_PERMISSIONS, EDITORS_GROUP

pytestmark = pytest.mark.django_db


def group_permissions():
    return set(
        Group.objects.get(name=EDITORS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_the_command_creates_the_group_with_exactly_the_editor_permissions():
    call_command("create_editors_group", verbosity=0)
    expected = {
        (app, f"{verb}_{model}")
        for app, models in EDITOR_PERMISSIONS.items()
        for model, verbs in models.items()
        for verb in verbs
    }
    assert group_permissions() == expected
    # Editors pick states but never change the ISO list, and never manage users.
    assert ("diplomacy", "change_state") not in expected
    assert not {codename for _, codename in expected if codename.endswith("_user")}


def test_running_it_again_resets_the_group_and_changes_nothing_else():
    call_command("create_editors_group", verbosity=0)
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    before = group_permissions()
    call_command("create_editors_group", verbosity=0)
    assert ("auth", "delete_user") in before
    assert ("auth", "delete_user") not in group_permissions()
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1


def test_add_makes_a_user_a_staff_editor(django_user_model):
    user = django_user_model.objects.create_user("amina", password="pw-for-tests")
    call_command("create_editors_group", "--add", "amina", verbosity=0)
    user.refresh_from_db()
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name=EDITORS_GROUP).exists()
    assert user.has_perm("actions.add_personanongratadeclaration")
    assert not user.has_perm("diplomacy.change_state")


def test_add_refuses_an_unknown_user():
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("create_editors_group", "--add", "nobody", verbosity=0)


def test_a_user_who_is_not_staff_is_sent_to_the_login_page(client, editor):
    client.force_login(editor)  # every model permission, but not staff
    response = client.get("/admin/actions/personanongratadeclaration/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
