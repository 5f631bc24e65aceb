"""`make run PORT=…` serves on that port, so the links in mails must point there too."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


def site_url_of_make_run(*arguments, env=None):
    """The SITE_URL the server started by `make run` would get, without starting it."""
    env = {**{k: v for k, v in os.environ.items() if k != "SITE_URL"}, **(env or {})}
    dry = subprocess.run(
        ["make", "-n", "run", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    [line] = [line for line in dry.splitlines() if "uvicorn" in line]
    prefix = line.split("uvicorn", 1)[0].rsplit(" ", 1)[0]  # the environment before the server
    shown = subprocess.run(
        ["bash", "-c", f"{prefix} printenv SITE_URL"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return shown.stdout.strip()


def test_mails_link_to_the_port_make_run_serves():
    assert site_url_of_make_run("PORT=8123") == "http://127.0.0.1:8123"
    assert site_url_of_make_run() == "http://127.0.0.1:8000"


def test_a_site_url_that_was_set_is_kept():
    env = {"SITE_URL": "https://kring.example"}

    assert site_url_of_make_run("PORT=8123", env=env) == "https://kring.example"
