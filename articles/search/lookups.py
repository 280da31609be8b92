"""Two lookups the ORM lacks, so search conditions stay ordinary filters that Django aliases
correctly inside subqueries:

    Article.objects.filter(search_text__strpos="株洲")        strpos(search_text, %s) > 0
    Article.objects.filter(bigrams__tsmatch="'株洲'")          bigrams @@ (%s)::tsquery
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Lookup, TextField


@TextField.register_lookup
class Strpos(Lookup):
    lookup_name = "strpos"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"strpos({lhs}, {rhs}) > 0", [*lhs_params, *rhs_params]


@SearchVectorField.register_lookup
class TsMatch(Lookup):
    lookup_name = "tsmatch"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ ({rhs})::tsquery", [*lhs_params, *rhs_params]
