from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "报纸档案"

    def ready(self) -> None:
        from articles import freshness
        from articles.search import lookups  # noqa: F401  (registers __strpos and __tsmatch)

        freshness.connect_signals()
