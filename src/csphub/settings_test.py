"""Settings for the test suite: the real settings with a test key, fast hashing and a mail
outbox."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("SECURE_COOKIES", "false")

from csphub.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
CSPHUB_RELAX_2FA_FOR_DEMO = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory, so tests with several threads get real SQLite locking.
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"csphub-test-{os.getpid()}.sqlite3")
    }

# The similar-reports index file of this test run, never the checkout's var/ (tests that look
# at the file set their own directory).
CSPHUB_SIMILAR_INDEX_DIR = Path(  # noqa: F405
    __import__("tempfile").gettempdir(), f"csphub-test-similar-{os.getpid()}"
)
