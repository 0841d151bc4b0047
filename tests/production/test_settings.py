"""The production settings: `check --deploy` clean, and no insecure default."""

import os
import secrets
import subprocess

from .processes import PYTHON, REPO


def manage_production(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    environment.pop("SECRET_KEY", None)
    environment |= {"DJANGO_SETTINGS_MODULE": "careerapi.settings.production", **env}
    return subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_reports_no_issue():
    result = manage_production(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50)
    )
    assert result.returncode == 0, result.stderr
    # The one silenced: security.W003, which looks for CSRF middleware by Django's class name
    # (tests/test_admin_middleware.py checks it runs, scoped to the admin).
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_secret_key_is_required():
    result = manage_production("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_proxy_header_trusted_only_when_configured():
    code = (
        "from django.conf import settings; "
        "print(settings.SECURE_PROXY_SSL_HEADER, settings.CSRF_TRUSTED_ORIGINS, settings.DEBUG)"
    )
    key = secrets.token_urlsafe(50)
    default = manage_production("shell", "-v", "0", "-c", code, SECRET_KEY=key)
    assert default.stdout.split() == ["None", "[]", "False"], default.stderr
    trusted = manage_production(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        SECRET_KEY=key,
        TRUST_X_FORWARDED_PROTO="true",
        CSRF_TRUSTED_ORIGINS="https://admin.example",
    )
    assert trusted.stdout.strip() == (
        "('HTTP_X_FORWARDED_PROTO', 'https') ['https://admin.example'] False"
    ), trusted.stderr
