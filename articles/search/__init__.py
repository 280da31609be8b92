"""Chinese full-text search: every article containing the typed string is found.

Recall comes from a positionless tsvector of character bigrams (GIN) plus an exact strpos
recheck of the stored normalised text; ranking from a second tsvector of jieba words weighted
headline A, kicker/subheadline B, body D. All of it is computed at ingest and on admin save.
"""
