"""Editors (Redactie) keep the home cards and translate snippets into English."""

from django.db import migrations

from community.grants import grant_to_group, revoke_from_group

PERMISSIONS = [
    ("community", "homecard", "add_homecard", "Can add home card"),
    ("community", "homecard", "change_homecard", "Can change home card"),
    ("community", "homecard", "delete_homecard", "Can delete home card"),
    ("simple_translation", "simpletranslation", "submit_translation", "Can submit translations"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0004_home_cards"),
        ("simple_translation", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, _schema: grant_to_group(apps, "Redactie", PERMISSIONS),
            lambda apps, _schema: revoke_from_group(apps, "Redactie", PERMISSIONS),
        )
    ]
