"""Seed what stories need to work at all, also in tests: labels, the moderators and the workflow."""

from django.db import migrations

from stories.seeding import seed_story_setup


def seed(apps, schema_editor):
    seed_story_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
