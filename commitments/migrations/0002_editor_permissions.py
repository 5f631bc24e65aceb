"""Editors (Redactie) record commitments and their updates."""

from django.db import migrations

GRANTS = [
    ("commitment", "add", "Can add commitment"),
    ("commitment", "change", "Can change commitment"),
    ("commitment", "delete", "Can delete commitment"),
    ("commitment", "view", "Can view commitment"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = Group.objects.filter(name="Redactie").first()
    if editors is None:
        return
    for model, action, name in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label="commitments", model=model)
        # On a new database the permission rows are only made after migrating: make them now.
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": name}
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Redactie").first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(content_type__app_label="commitments")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("moderation", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
