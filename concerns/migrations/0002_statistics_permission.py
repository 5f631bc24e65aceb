"""Editors (Redactie) may see the tool's aggregate statistics in the Wagtail admin."""

from django.db import migrations

REDACTIE = "Redactie"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    tally_type, _ = ContentType.objects.get_or_create(app_label="concerns", model="weeklytally")
    # The permission may not exist yet on a new database: post_migrate creates it later.
    permission, _ = Permission.objects.get_or_create(
        content_type=tally_type,
        codename="view_concern_statistics",
        defaults={"name": "Can see neighbour-concern statistics"},
    )
    group, _ = Group.objects.get_or_create(name=REDACTIE)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="concerns", codename="view_concern_statistics"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("concerns", "0001_initial"),
        ("moderation", "0001_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
