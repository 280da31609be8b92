import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
if not os.environ.get("DATABASE_URL"):
    from archive import embedded_db

    embedded_db.ensure_running()

application = get_wsgi_application()
