"""Moderators moderate live rooms and keep their word lists; editors set rooms up."""

from django.db import migrations

MODERATOREN = "Moderatoren"
REDACTIE = "Redactie"

# (group, model, codenames)
GRANTS = [
    (MODERATOREN, "liveroom", ["moderate", "view", "change"]),
    (MODERATOREN, "message", ["view"]),
    (MODERATOREN, "question", ["view"]),
    (MODERATOREN, "statement", ["view", "add", "change"]),
    (MODERATOREN, "livesafetysettings", ["change"]),
    (REDACTIE, "liveroom", ["view", "add", "change"]),
    (REDACTIE, "statement", ["view", "add", "change"]),
]

NAMES = {"moderate_liveroom": "Can moderate live rooms"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, model, actions in GRANTS:
        group, _ = Group.objects.get_or_create(name=group_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="live", model=model)
        for action in actions:
            # On a new database the permission rows are only made after migrating: make them now.
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": NAMES.get(f"{action}_{model}", f"Can {action} {model}")},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, model, actions in GRANTS:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="live", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_initial"),
        ("moderation", "0001_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
