"""Chinese full-text search: every article containing the typed string is found.

Recall comes from a positionless tsvector of character bigrams (GIN) plus an exact strpos
recheck of the stored normalised text; ranking from a second tsvector of jieba words weighted
headline A, kicker/subheadline B, body D. All of it is computed at ingest and on admin save
(columns.py, segment.py, text.py).

A query's path, one way (a unit test keeps the imports free of cycles):

    request.py     SearchRequest: the typed query, the filtered articles, order, page, compared queries
    query.py       the search box's language → Query (terms; no Django)
    conditions.py  Query → SQL conditions (bigram index, strpos, titles, people) and the matching queryset,
                   in the form the statement reads rows (through the index, or row by row: a walk)
    statistics.py  the bigrams in most articles (PostgreSQL's statistics): left out of longer terms' tsqueries
    plan.py        count up to the cap (or trust the estimate) → the index path; unprepared statements
    results.py     one page of ids in that path (cached per data version), then the articles as hits
    facets.py      counts per year, page, person, source and kind (exact, or from a sample)
    trend.py       hits per year of the query and of the compared ones
    snippets.py, why.py   marked snippets and the fields that matched
"""
