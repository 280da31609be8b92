from django.db import migrations


class Migration(migrations.Migration):
    """The archive's data version (articles/freshness.py): a sequence, so that concurrent
    writers never wait on each other to advance it."""

    dependencies = [("articles", "0004_ingest_run")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS articles_data_version",
            "DROP SEQUENCE IF EXISTS articles_data_version",
        ),
    ]
