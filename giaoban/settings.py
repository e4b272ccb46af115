"""Django settings, read from the environment.

DATABASE_URL picks the database (default: an SQLite file under var/); SECRET_KEY, DEBUG,
ALLOWED_HOSTS, TIME_ZONE and LANGUAGE_CODE have safe development defaults. Set
GIAOBAN_PRODUCTION=1 to turn on the secure cookie and header settings.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("GIAOBAN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PRODUCTION = env_bool("GIAOBAN_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when GIAOBAN_PRODUCTION=1")
    SECRET_KEY = "dev-only-insecure-key-change-me-giaoban-0123456789-abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "giaoban.audit",
    "giaoban.jobs",
    "giaoban.org",
    "giaoban.collection",
    "giaoban.analytics",
    "giaoban.meetings",
    "giaoban.intake",
    "giaoban.documents",
    "giaoban.dhis2",
    "giaoban.web",
    "giaoban.api",
    "ninja",  # serves its bundled Swagger UI files (no CDN)
    "axes",
    "giaoban.security",
]

MIDDLEWARE = [
    "giaoban.web.timing.ServerTimingMiddleware",  # first: its figures include every other middleware
    "giaoban.web.stamp_read.StampOncePerRequestMiddleware",  # the cache stamp read once a request
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # before whitenoise: static files carry the header too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "giaoban.web.replica.ReplicaReadMiddleware",  # the replica or the primary for this request's reads
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Vietnamese 429 page
]

ROOT_URLCONF = "giaoban.urls"
WSGI_APPLICATION = "giaoban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "giaoban.web.context_processors.navigation",
            ],
        },
    },
]

DEFAULT_SQLITE_PATH = VAR_DIR / "giaoban.sqlite3"
# Connections are kept between requests (checked before reuse): a new PostgreSQL connection per
# request is a new server process with cold caches, and cost the load mix of benchmarks/load.py
# 40 % of its throughput (24.9 against 42.7 requests a second, 32 users, busy machine, 2026-12-06).
CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=CONN_MAX_AGE, conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at BEGIN so
    # two writers queue on the busy timeout instead of failing on lock upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    # Tests use a file, never Django's shared-cache memory database: there a second connection
    # (a job's worker, the concurrency tests) meets table locks that fail at once instead of
    # waiting on the busy timeout ('database table is locked').
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("GIAOBAN_TEST_SQLITE") or str(VAR_DIR / "test-giaoban.sqlite3")
    }
# A PostgreSQL streaming replica of the primary (docs/scaling.md): page and analytics reads go
# there, writes and the reads of a person who just wrote to the primary (giaoban/web/replica.py).
# Without DATABASE_REPLICA_URL nothing changes.
if os.environ.get("DATABASE_REPLICA_URL"):
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL cần DATABASE_URL là PostgreSQL (bản sao đọc là của PostgreSQL).")
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    # a stopped replica answers 'refused' at once; one that does not answer at all costs this wait,
    # then it is passed over for GIAOBAN_REPLICA_RETRY seconds
    DATABASES["replica"]["OPTIONS"] = {"connect_timeout": int(os.environ.get("DATABASE_REPLICA_CONNECT_TIMEOUT", "1"))}
    # Tests: Django's MIRROR only gives this alias the test database's NAME (set_as_test_mirror);
    # HOST and PORT stay the replica's, so the tests read the real replica of the test database
    # that is created on the primary (no CREATE DATABASE on a read-only server).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["giaoban.web.replica.ReplicaRouter"]
GIAOBAN_REPLICA_READS = env_bool("GIAOBAN_REPLICA_READS", True)  # tests/conftest.py turns it off
GIAOBAN_REPLICA_MAX_LAG = float(os.environ.get("GIAOBAN_REPLICA_MAX_LAG", "0.5"))  # seconds a read may be behind
GIAOBAN_REPLICA_RETRY = float(os.environ.get("GIAOBAN_REPLICA_RETRY", "5"))  # seconds a failed replica is passed over
GIAOBAN_REPLICA_PIN_SECONDS = 60  # the longest a writer's reads stay on the primary waiting for the replica
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "vi")
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
# Django's vi locale has the separators but no grouping; ours adds it (29.774; 1,5).
FORMAT_MODULE_PATH = ["giaoban.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from it; finders fill it in development
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Uploads: Word/PDF reports and Excel forms stay well under this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
GIAOBAN_MAX_UPLOAD_BYTES = int(os.environ.get("GIAOBAN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# Files one user may send to be read (extraction: web and API) in a window of minutes.
GIAOBAN_EXTRACT_RATE = int(os.environ.get("GIAOBAN_EXTRACT_RATE", "60"))
GIAOBAN_EXTRACT_RATE_MINUTES = int(os.environ.get("GIAOBAN_EXTRACT_RATE_MINUTES", "10"))

# Background jobs (giaoban/jobs): a database queue served by `giaoban worker` processes, which
# `giaoban serve` starts beside the web server. The number of worker processes is the number of
# jobs that run at once. A running job writes a heartbeat; one silent for the lease is taken back
# from its dead worker and run again, up to the attempts, then failed with the reason.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
GIAOBAN_JOB_WORKERS = int(os.environ.get("GIAOBAN_JOB_WORKERS", "2"))
GIAOBAN_JOB_LEASE = float(os.environ.get("GIAOBAN_JOB_LEASE", "60"))  # seconds without a heartbeat
GIAOBAN_JOB_ATTEMPTS = int(os.environ.get("GIAOBAN_JOB_ATTEMPTS", "2"))
# Run a job inside the request instead (tests of the pages around a job; no worker needed).
GIAOBAN_JOBS_INLINE = env_bool("GIAOBAN_JOBS_INLINE", False)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.locmem.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "giaoban@localhost")

# The issuing body, place and signer come from the unit tree (the area's Front committee or the
# organization's unit as it stood on the report's date, its signer_name); these variables
# override them for the top-level report only.
GIAOBAN_ISSUER = {key: os.environ[var] for key, var in (
    ("parent_body", "GIAOBAN_ISSUER_PARENT"), ("body", "GIAOBAN_ISSUER_BODY"), ("symbol", "GIAOBAN_ISSUER_SYMBOL"),
    ("place", "GIAOBAN_ISSUER_PLACE"), ("signer_title", "GIAOBAN_SIGNER_TITLE"), ("signer_name", "GIAOBAN_SIGNER_NAME"),
) if os.environ.get(var)}

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
# database sessions, read on every request in one plain statement (giaoban/security/sessions.py)
SESSION_ENGINE = "giaoban.security.sessions"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp; Django 5.2 has none of its own): scripts and styles only
# from our own files, no inline <script>, on*= handler or style attribute (tests/security/test_csp.py
# crawls every page as each demo role in Chromium and fails on a violation). Charts are inline
# SVG, icons data: URIs (Swagger UI).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login throttling (django-axes): 5 failures for one username from one address lock that pair
# out for 15 minutes; a success resets the count. Behind a reverse proxy set GIAOBAN_BEHIND_PROXY=1
# so the address is the one the proxy appended to X-Forwarded-For, not the proxy's own.
AUTHENTICATION_BACKENDS = [
    "giaoban.security.backends.LoginThrottleBackend",
    "giaoban.security.backends.AccountBackend",  # Django's ModelBackend, the user read in one statement
]
# Optional single sign-on by OpenID Connect (giaoban.security.oidc): on when OIDC_RP_CLIENT_ID is
# set, with the provider's endpoints in mozilla-django-oidc's own variable names. Who may do what
# comes from the administrator's mapping (security.SingleSignOnGrant), never from the provider.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
GIAOBAN_OIDC = bool(OIDC_RP_CLIENT_ID)
if GIAOBAN_OIDC:
    _oidc_missing = [name for name in ("OIDC_RP_CLIENT_SECRET", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT",
                                       "OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT") if not os.environ.get(name)]
    if _oidc_missing:
        raise ImproperlyConfigured("Đăng nhập một lần (OIDC_RP_CLIENT_ID đã đặt) còn thiếu biến môi trường: "
                                   + ", ".join(_oidc_missing) + ".")
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USE_PKCE = True
    AUTHENTICATION_BACKENDS.append("giaoban.security.oidc.UnitMappingOIDCBackend")
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_callback"
OIDC_TIMEOUT = 10  # seconds for each call to the provider (the library's default waits for ever)
LOGIN_REDIRECT_URL_FAILURE = "/dang-nhap/"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
# Across addresses: past this many failures of one account within the cool-off, one attempt
# every so many seconds (a slow-down, not a lock: giaoban.security.forms).
GIAOBAN_ACCOUNT_SLOWDOWN_AFTER = int(os.environ.get("GIAOBAN_ACCOUNT_SLOWDOWN_AFTER", "10"))
GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS = int(os.environ.get("GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS", "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "giaoban.security.lockout.lockout_response"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "giaoban.security.lockout.client_ip"
GIAOBAN_BEHIND_PROXY = env_bool("GIAOBAN_BEHIND_PROXY", False)
# DHIS2 clients log in with Basic (user name and password on every call): allowed in development,
# off by default in production, where programs use API tokens (`Authorization: ApiToken …`).
GIAOBAN_DHIS2_BASIC_AUTH = env_bool("GIAOBAN_DHIS2_BASIC_AUTH", not PRODUCTION)
# Server-Timing header with the request's time, CPU time and queries (giaoban/web/timing.py).
GIAOBAN_SERVER_TIMING = env_bool("GIAOBAN_SERVER_TIMING", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
