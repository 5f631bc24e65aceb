"""Themes and content warnings become translatable snippets, with their English names.

The existing labels become the Dutch source; each gets a translation key and an English
translation that shares it (stories/seeding.py), so stories keep pointing at the same rows.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import modelcluster.fields

import stories.models
from stories.seeding import seed_label_translations


def make_labels_translatable(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    source = Locale.objects.filter(language_code="nl").first() or Locale.objects.first()
    if source is None:
        source = Locale.objects.create(language_code="nl")
    for name in ("Theme", "ContentWarning"):
        model = apps.get_model("stories", name)
        for label in model.objects.filter(translation_key__isnull=True):
            label.translation_key = uuid.uuid4()
            label.locale = source
            label.save(update_fields=["translation_key", "locale"])
    seed_label_translations(apps)


def translation_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="name",
            field=models.CharField(max_length=60, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="slug",
            field=models.SlugField(max_length=60, verbose_name="slug"),
        ),
    ]


def required_fields(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name,
            unique_together={("translation_key", "locale"), ("locale", "slug"), ("locale", "name")},
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_experience_answers"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translation_fields("theme"),
        *translation_fields("contentwarning"),
        migrations.RunPython(make_labels_translatable, migrations.RunPython.noop),
        *required_fields("theme"),
        *required_fields("contentwarning"),
        migrations.AlterField(
            model_name="storypage",
            name="content_warnings",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                limit_choices_to=stories.models.source_labels,
                related_name="stories",
                to="stories.contentwarning",
                verbose_name="content warnings",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                limit_choices_to=stories.models.source_labels,
                related_name="stories",
                to="stories.theme",
                verbose_name="themes",
            ),
        ),
    ]
