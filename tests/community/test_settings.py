"""Production settings refuse to start without their secrets, and pass Django's deploy check."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "KRING_ADDRESS_KEY": secrets.token_urlsafe(40),
    "DATABASE_URL": "sqlite:///" + str(ROOT / "var" / "deploy-check.sqlite3"),
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "kring.example",
}


def run_manage(*args, env_overrides=None, drop=()):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests; a real deployment never has it.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in GOOD_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(GOOD_ENV)
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "KRING_ADDRESS_KEY", "DATABASE_URL", "REDIS_URL"]
)
def test_production_refuses_to_start_without_a_secret(missing):
    result = run_manage("check", drop=[missing])

    assert result.returncode != 0
    assert f"The environment variable {missing} is missing" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", env_overrides={"SECRET_KEY": "too-short"})

    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_refuses_the_address_key_being_the_secret_key():
    result = run_manage("check", env_overrides={"KRING_ADDRESS_KEY": GOOD_ENV["SECRET_KEY"]})

    assert result.returncode != 0
    assert "KRING_ADDRESS_KEY must not be the same as SECRET_KEY" in result.stderr


def test_deploy_check_reports_no_warnings_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
