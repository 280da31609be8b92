import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_STATEMENT_TIMEOUT_MS", "10000")  # public requests: at most 10 s a statement
if not os.environ.get("DATABASE_URL"):
    from archive import embedded_db

    embedded_db.ensure_running()

application = get_wsgi_application()

# jieba's dictionary takes a second or two to load: do it before the first search, not during it
# (with gunicorn --preload, once in the master, shared by every worker).
from articles.search import segment  # noqa: E402

segment.tokenizer()
