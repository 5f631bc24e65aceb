"""Panel members (Panelleden) answer questions after their panel, and nothing else; editors too.

Panel members get into the admin only for the list of questions: they cannot moderate rooms,
edit pages or see registrations.
"""

from django.db import migrations

PANELLEDEN = "Panelleden"
REDACTIE = "Redactie"
GRANTS = {
    PANELLEDEN: ["view_reportquestion", "change_reportquestion"],
    REDACTIE: ["view_reportquestion", "change_reportquestion"],
}
NAMES = {
    "view_reportquestion": "Can view question after a panel",
    "change_reportquestion": "Can change question after a panel",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    content_type, _ = ContentType.objects.get_or_create(
        app_label="eventreports", model="reportquestion"
    )
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        if group_name == PANELLEDEN:
            group.permissions.add(access_admin)
        for codename in codenames:
            # On a new database the permission rows are only made after migrating: make them now.
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": NAMES[codename]}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=PANELLEDEN).delete()
    editors = Group.objects.filter(name=REDACTIE).first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(content_type__app_label="eventreports")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("eventreports", "0001_initial"),
        ("moderation", "0001_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
