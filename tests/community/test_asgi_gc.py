"""A worker's import-time objects are out of the garbage collector's way (config/asgi.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_asgi_module_freezes_what_a_worker_loaded():
    """A full collection would walk Django's, Wagtail's and Kring's own objects every time,
    with the event loop stopped; frozen, they are not walked (bench/README.md)."""
    script = (
        "import gc; before = gc.get_freeze_count(); import config.asgi; "
        "print(before, gc.get_freeze_count())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    before, after = int(output[-2]), int(output[-1])
    assert before == 0
    # Django, Wagtail and the apps: far more than a hundred thousand objects.
    assert after > 100_000


def test_the_test_process_freezes_nothing():
    """The suite imports config.asgi part-way through (KRING_GC_FREEZE is off in tests)."""
    import gc

    import config.asgi  # noqa: F401

    assert gc.get_freeze_count() == 0
