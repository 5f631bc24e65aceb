"""Bursts no longer hold a day: signals of one address and day share a batch that counts at most
KRING_CONCERN_BURST_LIMIT times. "I called" markers become markers for any once-per-link count."""

import secrets

from django.db import migrations, models


def give_existing_signals_a_batch(apps, schema_editor):
    # Signals from before the batches: each its own batch, except that the signals of a day
    # once held as a burst share one (they will now count, but at most as a burst does).
    Signal = apps.get_model("concerns", "Signal")
    held_days = {}
    changed = []
    for signal in Signal.objects.only("pk", "address_key", "counts_from", "held").iterator():
        if signal.held:
            day = (signal.address_key, signal.counts_from)
            signal.batch = held_days.setdefault(day, secrets.randbelow(2**31 - 1) + 1)
        else:
            signal.batch = secrets.randbelow(2**31 - 1) + 1
        changed.append(signal)
        if len(changed) >= 2000:
            Signal.objects.bulk_update(changed, ["batch"])
            changed = []
    Signal.objects.bulk_update(changed, ["batch"])


class Migration(migrations.Migration):
    dependencies = [
        ("concerns", "0003_band_index_covers_held"),
    ]

    operations = [
        migrations.RenameModel(old_name="CalledMarker", new_name="LinkMarker"),
        migrations.AddField(
            model_name="signal",
            name="batch",
            field=models.PositiveIntegerField(
                default=0,
                help_text="A random number shared by the signals about one address sent on one "
                "day: together they count at most KRING_CONCERN_BURST_LIMIT times.",
            ),
        ),
        migrations.RunPython(give_existing_signals_a_batch, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="signal", name="concerns_signal_band"),
        migrations.RemoveField(model_name="signal", name="held"),
        migrations.RemoveField(model_name="weeklytally", name="band_held"),
        migrations.AddField(
            model_name="weeklytally",
            name="did_advice",
            field=models.PositiveIntegerField(default=0, verbose_name="done: asked for advice"),
        ),
        migrations.AddField(
            model_name="weeklytally",
            name="did_not_yet",
            field=models.PositiveIntegerField(default=0, verbose_name="done: not yet"),
        ),
        migrations.AddField(
            model_name="weeklytally",
            name="did_reported",
            field=models.PositiveIntegerField(default=0, verbose_name="done: made a report"),
        ),
        migrations.AddField(
            model_name="weeklytally",
            name="did_talked",
            field=models.PositiveIntegerField(default=0, verbose_name="done: talked about it"),
        ),
        migrations.AlterField(
            model_name="signal",
            name="counts_from",
            field=models.DateField(
                help_text="The day from which this signal counts for others, drawn at random "
                "2-4 days after it was sent; it expires a year later."
            ),
        ),
        migrations.AddIndex(
            model_name="signal",
            index=models.Index(
                fields=["address_key", "counts_from", "batch"], name="concerns_signal_batch"
            ),
        ),
    ]
