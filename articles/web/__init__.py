"""The web layer: views, JSON API, feeds, errors and middleware. Reads through models and search;
writes only through storage."""
