"""Two lookups the ORM lacks, so search conditions stay ordinary filters that Django aliases
correctly inside subqueries:

    Article.objects.filter(search_text__strpos="株洲")        strpos(search_text, %s) > 0
    Article.objects.filter(bigrams__tsmatch="'株洲'")          bigrams @@ (%s)::tsquery
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Lookup, TextField


class TemplateLookup(Lookup):
    """A lookup written as one SQL template of the column and the bound value."""

    template = ""

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return self.template.format(lhs=lhs, rhs=rhs), [*lhs_params, *rhs_params]


@TextField.register_lookup
class Strpos(TemplateLookup):
    lookup_name = "strpos"
    template = "strpos({lhs}, {rhs}) > 0"


@SearchVectorField.register_lookup
class TsMatch(TemplateLookup):
    lookup_name = "tsmatch"
    template = "{lhs} @@ ({rhs})::tsquery"
