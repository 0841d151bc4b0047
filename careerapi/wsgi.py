"""WSGI entry point (gunicorn careerapi.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerapi.settings.production")

application = get_wsgi_application()
