"""Settings come from the environment so one build runs the demo, the tests and production.

DATABASE_URL picks the database (default: SQLite under var/), DEBUG the mode; SECRET_KEY is
required whenever DEBUG is off.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent  # the checkout: src/csphub -> repo root
VAR_DIR = Path(os.environ.get("CSPHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo accounts (made by `csphub load-demo`) may sign in without two-factor authentication.
# Never set this on a real service.
CSPHUB_RELAX_2FA_FOR_DEMO = env_bool("CSPHUB_RELAX_2FA_FOR_DEMO", default=DEBUG)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csphub.core",
    "csphub.accounts",
    "csphub.geography",
    "csphub.intelligence",
    "csphub.directory",
    "csphub.audit",
    "csphub.api",
    "csphub.demo",
    "csphub.forums",
    "csphub.redaction",
    "csphub.performance",
    "csphub.entities",
    "csphub.alerts",
    "csphub.search",
    "csphub.similar",
    "csphub.cases",
    "csphub.asbcount",
    "django_tasks",
    "django_tasks_db",
]

# Work that need not happen in the request (urgent alerts, digests, emails) runs in a worker:
# `csphub db_worker` (make run starts one beside the server). Tests run tasks at once.
# Similar reports (csphub.similar): where the usearch index file lives, the least cosine
# similarity shown, how many new vectors the worker gathers before it writes a new file, and
# the index's storage type (f32, f16 or i8).
CSPHUB_SIMILAR_INDEX_DIR = Path(os.environ.get("CSPHUB_SIMILAR_INDEX_DIR", VAR_DIR / "similar"))
CSPHUB_SIMILAR_THRESHOLD = float(os.environ.get("CSPHUB_SIMILAR_THRESHOLD", "0.5"))
CSPHUB_SIMILAR_INDEX_BATCH = int(os.environ.get("CSPHUB_SIMILAR_INDEX_BATCH", "100"))
CSPHUB_SIMILAR_INDEX_DTYPE = os.environ.get("CSPHUB_SIMILAR_INDEX_DTYPE", "f32")

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the accounts middleware: the idle timeout leaves a message for the sign-in page.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "csphub.accounts.middleware.TwoFactorRequiredMiddleware",
    "csphub.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "csphub.urls"
WSGI_APPLICATION = "csphub.wsgi.application"

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
                "csphub.core.context_processors.navigation",
                "csphub.intelligence.context_processors.urgent_waiting",
                "csphub.alerts.context_processors.open_alerts",
            ],
        },
    }
]

DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'csphub.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_SQLITE))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE transactions take the write lock up front, so concurrent submissions queue
    # instead of failing with "database is locked"; WAL lets readers run beside the writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Keep connections between requests: opening one costs more than a whole simple request.
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "300"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Prepared statements only where asked for (csphub.core.sql.prepared_cursor: the submission
    # insert, the token and postcode look-ups); Django's own cursors bind on the client and are
    # never prepared. psycopg's "prepare after N runs" is thereby never reached.
    # DB_PREPARED_STATEMENTS=false turns them off, for a connection pooler that cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        None if os.environ.get("DB_PREPARED_STATEMENTS", "true").lower() == "false" else 2**31 - 1
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "csphub.accounts.passwords.CharacterVarietyValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock an account after repeated failed sign-ins (per username and address).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)

# Idle timeout: the session ends after this many seconds without a request.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

OTP_TOTP_ISSUER = "CSP Hub"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it even before collectstatic
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    BASE_DIR / "build" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CSP Hub <no-reply@csphub.invalid>")
CSPHUB_BASE_URL = os.environ.get("CSPHUB_BASE_URL", "http://127.0.0.1:8000")

# The partnership's area, as messages name it.
CSPHUB_PARTNERSHIP_AREA = os.environ.get(
    "CSPHUB_PARTNERSHIP_AREA", "Leicester, Leicestershire and Rutland"
)

# Assessment targets shown to submitters and analysts (intelligence/targets.py).
CSPHUB_TARGET_WORKING_DAYS = int(os.environ.get("CSPHUB_TARGET_WORKING_DAYS", "3"))
CSPHUB_URGENT_TARGET_MINUTES = int(os.environ.get("CSPHUB_URGENT_TARGET_MINUTES", "60"))
# A value (phone, address, name) in this many submissions is "common": it stays searchable but
# stops linking them and raising alerts (a council switchboard, "Unknown male").
CSPHUB_COMMON_VALUE_COUNT = int(os.environ.get("CSPHUB_COMMON_VALUE_COUNT", "25"))
# PostgreSQL's work_mem for finding a search's matches: a filtered search's bitmap of
# candidates stays exact instead of lossy (whole pages re-read; docs/adr/0007).
CSPHUB_SEARCH_WORK_MEM = os.environ.get("CSPHUB_SEARCH_WORK_MEM", "16MB")
# ASB: a victim is a repeat victim after this many incidents of cases in one category within
# this many days (docs/asb-cases.md).
CSPHUB_ASB_REPEAT_VICTIM_COUNT = int(os.environ.get("CSPHUB_ASB_REPEAT_VICTIM_COUNT", "3"))
CSPHUB_ASB_REPEAT_VICTIM_DAYS = int(os.environ.get("CSPHUB_ASB_REPEAT_VICTIM_DAYS", "90"))
# ASB Case Review (Community Trigger): the complaints that qualify (this many within this many
# months, one incident counting once) and the working days to decide whether it is met.
CSPHUB_ASB_REVIEW_COMPLAINTS = int(os.environ.get("CSPHUB_ASB_REVIEW_COMPLAINTS", "3"))
CSPHUB_ASB_REVIEW_MONTHS = int(os.environ.get("CSPHUB_ASB_REVIEW_MONTHS", "6"))
CSPHUB_ASB_REVIEW_DECISION_WORKING_DAYS = int(
    os.environ.get("CSPHUB_ASB_REVIEW_DECISION_WORKING_DAYS", "10")
)
# One ASB count: a police and a case incident are linked at this match probability or above
# (docs/asb-count.md; benchmarks/asb_linkage.py measures the choice).
CSPHUB_ASB_LINK_THRESHOLD = float(os.environ.get("CSPHUB_ASB_LINK_THRESHOLD", "0.8"))
# The network view shows at most this many connected items each time a node is expanded.
CSPHUB_NETWORK_NODE_LIMIT = int(os.environ.get("CSPHUB_NETWORK_NODE_LIMIT", "50"))

# Limits on what a submitter may type, checked by forms and the API alike.
CSPHUB_MAX_TEXT_LENGTH = 10_000
CSPHUB_MAX_SHORT_TEXT_LENGTH = 500

NINJA_PAGINATION_PER_PAGE = 50

# The county whose Strategy Board the performance dashboard serves: its districts are the
# geography.District rows with in_county=True (ONS code and name of the county itself here).
CSPHUB_COUNTY_CODE = os.environ.get("CSPHUB_COUNTY_CODE", "E10000018")
CSPHUB_COUNTY_NAME = os.environ.get("CSPHUB_COUNTY_NAME", "Leicestershire")
# The board paper's "Officer to contact" (docs/board-report.md).
CSPHUB_REPORT_OFFICER = {
    "name": os.environ.get("CSPHUB_REPORT_OFFICER_NAME", ""),
    "title": os.environ.get("CSPHUB_REPORT_OFFICER_TITLE", "Community Safety Performance Analyst"),
    "organisation": os.environ.get(
        "CSPHUB_REPORT_OFFICER_ORGANISATION", "Leicestershire County Council"
    ),
    "phone": os.environ.get("CSPHUB_REPORT_OFFICER_PHONE", ""),
    "email": os.environ.get("CSPHUB_REPORT_OFFICER_EMAIL", ""),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
CSRF_FAILURE_VIEW = "csphub.core.views.csrf_failure"
