"""Print the parse of one page without touching the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.parsing import DEFAULT_PAPER, DecodeError, ParseResult, parse_bytes
from articles.parsing.filenames import from_file_name


class Command(BaseCommand):
    help = "Parse one page of text and print the result (JSON for tools, text for people). Writes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=["json", "text"], default="json", dest="output")
        parser.add_argument("--date", type=date.fromisoformat, dest="issue_date", help="issue date YYYY-MM-DD")
        parser.add_argument("--page", help="page label such as A1")
        parser.add_argument("--paper", default=DEFAULT_PAPER)

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            data = path.read_bytes()
            name_date, name_label = from_file_name(path.name)
            result = parse_bytes(
                data,
                file_name=path.name,
                issue_date=options["issue_date"] or name_date,
                page=options["page"] or name_label,
                paper=options["paper"],
            )
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror})") from None
        except (DecodeError, ValueError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        if options["output"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        else:
            self.stdout.write(as_text(result))


def as_text(result: ParseResult) -> str:
    """The parse as a person reads the printed page."""
    out = [
        f"{result.source.get('file_name', '')}  {result.source['format']}  "
        f"日期 {result.issue_date or '未知'}{'（推断：' + result.date_evidence + '）' if result.date_inferred else ''}"
    ]
    for n, a in enumerate(result.articles, 1):
        out.append("")
        out.append(f"━━ {n} · {a.kind} · 置信度 {a.confidence:.2f} " + "━" * 24)
        if a.kicker:
            out.append(f"  {a.kicker}")
        out.append(f"【{a.headline or '（无标题）'}】")
        if a.subheadline:
            out.append(f"  {a.subheadline}")
        credits = "  ".join(f"{role.label} {'、'.join(names)}" for role, names in a.credits() if names)
        if credits:
            out.append(credits)
        if a.source or a.dateline:
            out.append(f"来源 {a.source or '-'}  电头 {a.dateline or '-'}")
        for para in a.body.split("\n"):
            prefix = "  ▍" if para in a.section_headings else "    "
            out.append(prefix + para)
        for t in a.tables:
            out.append("  [表] " + t.replace("\n", " | "))
        for c in a.captions:
            out.append("  [图] " + c)
        if a.continued_to:
            out.append(f"  → 转 {a.continued_to} 版")
    if result.unassigned:
        out.append("")
        out.append("未归属：" + " / ".join(result.unassigned))
    return "\n".join(out)
