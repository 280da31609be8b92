"""Structured logs: one JSON object a line, for requests (method, path, status, ms) and ingests."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from pathlib import Path


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="seconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(entry, ensure_ascii=False)


class IngestLogHandler(logging.Handler):
    """Appends each record to settings.INGEST_LOG, read at each record (so a test can point it
    elsewhere); the file and its folder are made at the first record."""

    def emit(self, record: logging.LogRecord) -> None:
        from django.conf import settings

        try:
            path = Path(settings.INGEST_LOG)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(self.format(record) + "\n")
        except OSError:
            self.handleError(record)


request_log = logging.getLogger("archive.request")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        ms = round((time.perf_counter() - started) * 1000, 1)
        request_log.info(
            "request",
            extra={
                "fields": {"method": request.method, "path": request.path, "status": response.status_code, "ms": ms}
            },
        )
        return response
