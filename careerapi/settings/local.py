"""Development on one machine: DEBUG on, a fixed development key, SQLite by default."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"  # noqa: F405

# Plain static storage: no manifest to build.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files from the apps through whitenoise, with no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
