"""Bare Django: no app, no database, only `SecurityMiddleware` and `CommonMiddleware`.

What a Django view costs at the least, to measure the project's stack against (A_bare in
bench/run.py). Nothing of the project is imported; gunicorn serves `bench.bare.wsgi`.
"""

import os

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
ROOT_URLCONF = "bench.bare.urls"
WSGI_APPLICATION = "bench.bare.wsgi.application"
INSTALLED_APPS: list[str] = []
DATABASES: dict = {}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
USE_TZ = True
