"""Editors (Redactie) add and rename themes and content warnings, and translate them."""

from django.db import migrations

from community.grants import grant_to_group, revoke_from_group

PERMISSIONS = [
    ("stories", "theme", "add_theme", "Can add theme"),
    ("stories", "theme", "change_theme", "Can change theme"),
    ("stories", "contentwarning", "add_contentwarning", "Can add content warning"),
    ("stories", "contentwarning", "change_contentwarning", "Can change content warning"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_translatable_labels"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, _schema: grant_to_group(apps, "Redactie", PERMISSIONS),
            lambda apps, _schema: revoke_from_group(apps, "Redactie", PERMISSIONS),
        )
    ]
