"""The test suite: PostgreSQL when DATABASE_URL is set, SQLite otherwise."""

from .base import *  # noqa: F403

SECRET_KEY = "django-insecure-test-only"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files from the apps through whitenoise, with no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The suite makes thousands of requests from one client address within a minute: quotas
# stay on (every response goes through the throttle) but out of the way; tests/apikeys
# sets real rates with override_settings.
ANON_RATE = PARTNER_DEFAULT_RATE = "100000/minute"
REQUIRE_API_KEY = False
# Each test loads the dataset afresh: with a small extract of the ECB's history (the ECB's
# format, real rows), not its 7,126 days; tests/loader/test_ecb.py reads those too.
EXCHANGE_RATE_FILES = [BASE_DIR / "tests" / "data" / "ecb" / "eurofxref-hist.csv"]  # noqa: F405
# The same for the public labour-market data: small extracts of the official files, made by
# tests/data/onet/make_extract.py and tests/data/oews/make_extract.py.
ONET_FILES = [BASE_DIR / "tests" / "data" / "onet" / "db_29_2_text.zip"]  # noqa: F405
OEWS_FILES = [BASE_DIR / "tests" / "data" / "oews" / "sqlite" / "oews-2025.sqlite.gz"]  # noqa: F405
