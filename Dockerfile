# The production image: gunicorn serving careerapi with the production settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=careerapi.settings.production \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus

WORKDIR /app
COPY requirements/base.lock requirements/data.lock requirements/
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements/base.lock \
    -r requirements/data.lock

COPY . .
# collectstatic needs settings to import; the key is used for nothing else at build time.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --create-home --uid 10001 careerapi
USER careerapi

EXPOSE 8000
# Prometheus' per-worker files start empty on every container start. Migrations and the
# dataset load are not run here: `manage.py deploy_prepare` does them once per deploy
# (docker-compose.yml's `migrate` service; any number of replicas may run it, it locks).
CMD ["sh", "-c", "rm -rf \"$PROMETHEUS_MULTIPROC_DIR\" && mkdir -p \"$PROMETHEUS_MULTIPROC_DIR\" && exec gunicorn careerapi.wsgi --config python:careerapi.gunicorn_conf --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-2} --graceful-timeout 10 --no-control-socket"]
