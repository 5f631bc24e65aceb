from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    moderatoren, _ = Group.objects.get_or_create(name="Moderatoren")
    for model, codename, name in [
        ("report", "moderate_content", "Can moderate reported content"),
        ("moderationsettings", "change_moderationsettings", "Can change moderation"),
    ]:
        content_type, _ = ContentType.objects.get_or_create(app_label="moderation", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderatoren.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_reports")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
