"""Kring's two staff roles. Issue-specific permissions are added by the apps that need them."""

from django.db import migrations

REDACTIE = "Redactie"
MODERATOREN = "Moderatoren"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    redactie, _ = Group.objects.get_or_create(name=REDACTIE)
    moderatoren, _ = Group.objects.get_or_create(name=MODERATOREN)
    redactie.permissions.add(access_admin)
    moderatoren.permissions.add(access_admin)

    # Editors keep the help numbers current (the permission may not exist yet on a new database).
    settings_type, _ = ContentType.objects.get_or_create(app_label="community", model="helpsettings")
    change_help, _ = Permission.objects.get_or_create(
        content_type=settings_type,
        codename="change_helpsettings",
        defaults={"name": "Can change help numbers"},
    )
    redactie.permissions.add(change_help)

    # Editors keep the page tree: add, change and publish pages from the root down.
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=redactie, page=root, permission=permission
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[REDACTIE, MODERATOREN]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("community", "0002_pages_and_help_settings"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
