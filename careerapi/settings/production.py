"""Production: PostgreSQL through DATABASE_URL, a required SECRET_KEY, DEBUG off.

`SECRET_KEY=… manage.py check --deploy` passes with no warning and nothing silenced. Every
difference from the other environments is an environment variable (see README).
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, SECRET_KEY, env_bool, env_list

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

DEBUG = False

# ------------------------------------------------------------------------------
# PROXIES: X-Forwarded-Proto is trusted only when the proxy in front sets it (and strips
# it from clients); otherwise a client could claim HTTPS. NUM_PROXIES (base) is the
# same choice for X-Forwarded-For.
# ------------------------------------------------------------------------------
if env_bool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Origins (https://admin.example) whose forms may POST: the admin behind a proxy.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# ------------------------------------------------------------------------------
# HTTPS AND SECURITY HEADERS
# ------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Health probes and the metrics scrape come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^(livez|readyz|metrics)$"]
# Cookies only over HTTPS, unless the stack is run over plain HTTP on purpose (locally).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# ------------------------------------------------------------------------------
# DATABASE: every wait bounded (careerapi/postgresql), so an unreachable or stalled server
# costs a request seconds, and then a quick 503 (careerapi/api/errors.py), instead of
# holding a worker until gunicorn kills it. A dataset load lifts the statement bound.
# ------------------------------------------------------------------------------
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5"))
for _database in DATABASES.values():
    if _database["ENGINE"] == "careerapi.postgresql":
        _options = _database.setdefault("OPTIONS", {})
        _options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")))
        # The server cancels a statement at the bound; the client stops waiting a second
        # later (a server that answers nothing cannot cancel anything).
        _options.setdefault(
            "options", f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
        )
        _options.setdefault("wait_timeout", DATABASE_STATEMENT_TIMEOUT + 1)
        # An idle connection to a host gone from the network is found dead in under a minute.
        _options.setdefault("keepalives", 1)
        _options.setdefault("keepalives_idle", 30)
        _options.setdefault("keepalives_interval", 5)
        _options.setdefault("keepalives_count", 3)
        _options.setdefault("tcp_user_timeout", int((DATABASE_STATEMENT_TIMEOUT + 1) * 1000))

# collectstatic's target; scripts/serve points it at a temporary folder per run.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
