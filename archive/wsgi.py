import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_STATEMENT_TIMEOUT_MS", "10000")  # public requests: at most 10 s a statement
if not os.environ.get("DATABASE_URL"):
    from archive import embedded_db

    embedded_db.ensure_running()

application = get_wsgi_application()


def _require_collected_static() -> None:
    """With DEBUG off, pages link hashed static files from collectstatic's manifest; without it
    every HTML page is a 500. Refuse to start instead, saying what to run."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
    from django.core.exceptions import ImproperlyConfigured

    if (
        not settings.DEBUG
        and isinstance(staticfiles_storage, ManifestFilesMixin)
        and staticfiles_storage.read_manifest() is None
    ):
        raise ImproperlyConfigured(
            f"static files are not collected: run `python manage.py collectstatic --noinput` "
            f"(into STATIC_ROOT={settings.STATIC_ROOT}) before starting gunicorn"
        )


_require_collected_static()

# jieba's dictionary takes a second or two to load: do it before the first search, not during it
# (with gunicorn --preload, once in the master, shared by every worker).
from articles.search import segment  # noqa: E402

segment.tokenizer()
