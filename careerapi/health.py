"""Health probes for load balancers and orchestrators.

- `/livez`: the process answers HTTP. No I/O, so a database outage never gets workers
  restarted for nothing.
- `/readyz`: this server can serve the API: the database answers a trivial query, the cache
  takes a set and a get, and a dataset is loaded. 200 with each check's result, else a 503
  problem document whose `checks` say which failed and why.

Plain Django views: neither needs an API key, counts against a quota or is cached; another
method than GET or HEAD is a 405 problem document. The reason a check failed is given by
exception class only; the full error (which can name hosts and users) goes to the log.
"""

import json
import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from careerapi.api.errors import PROBLEM_CONTENT_TYPE, problem, safe_methods_only
from dataset.models import DatasetVersion

logger = logging.getLogger(__name__)

OK = {"status": "ok"}


def _failed(check: str, reason: str, error: Exception) -> dict:
    logger.warning("readiness check %s failed: %s", check, error, exc_info=error)
    return {"status": "failed", "detail": f"{reason} ({type(error).__name__})."}


def database_check() -> dict:
    """`SELECT 1` on the default database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return _failed("database", "The database did not answer a query", error)
    return OK


def cache_check() -> dict:
    """A value written to the cache reads back."""
    key, value = f"careerapi:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        read = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return _failed("cache", "The cache did not answer", error)
    if read != value:
        return {"status": "failed", "detail": "A value written to the cache did not read back."}
    return OK


def dataset_check(*, database_ok: bool) -> dict:
    """The latest dataset version, read from the database (not the cache)."""
    if not database_ok:
        return {"status": "failed", "detail": "Unknown: the database did not answer."}
    try:
        version = DatasetVersion.objects.values_list("version", flat=True).first()
    except Exception as error:
        return _failed("dataset", "The dataset version could not be read", error)
    if version is None:
        return {"status": "failed", "detail": "No dataset is loaded: run manage.py load_dataset."}
    return {"status": "ok", "version": version}


@never_cache
@safe_methods_only
def livez(request) -> HttpResponse:
    """The process is alive."""
    return JsonResponse(OK)


@never_cache
@safe_methods_only
def readyz(request) -> HttpResponse:
    """Database and dataset ready: 200 (status "degraded" while only the cache is down);
    otherwise 503 naming what is not.

    The API serves without its cache (slower, and with throttling failing open), so a
    Redis outage must not take every replica out of the load balancer at once.
    """
    database = database_check()
    checks = {
        "database": database,
        "cache": cache_check(),
        "dataset": dataset_check(database_ok=database["status"] == "ok"),
    }
    failed = [name for name in ("database", "dataset") if checks[name]["status"] != "ok"]
    if not failed:
        status = "ok" if checks["cache"]["status"] == "ok" else "degraded"
        return JsonResponse({"status": status, "checks": checks})
    body = problem(503, f"Not ready: {', '.join(failed)}.") | {"checks": checks}
    return HttpResponse(json.dumps(body), status=503, content_type=PROBLEM_CONTENT_TYPE)
