"""Surprises a fresh-eyes reading of the browse pages found (issues #14, #17), each pinned."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from articles.models import Article
from articles.storage import ingest_bytes

ROOT = Path(__file__).resolve().parents[2]
PERSON = "/people/" + quote("李华") + "/"  # one article: one page of them


def test_the_article_pager_names_the_year_when_it_crosses_into_another(client, ingested):
    ingest_bytes("株洲日报讯 一条新闻。\n\n旧闻\n".encode(), file_name="2022-12-31_A1.txt", paper="株洲日报")
    first_of_2023 = Article.objects.filter(issue_date__year=2023).in_reading_order().first()
    last_of_2022 = Article.objects.filter(issue_date__year=2022).in_reading_order().last()
    page = client.get(first_of_2023.get_absolute_url()).content.decode()
    assert f'<a rel="prev" href="{last_of_2022.get_absolute_url()}">‹ 上一篇（2022年12月31日 A1版）' in page
    page = client.get(last_of_2022.get_absolute_url()).content.decode()
    assert f'<a rel="next" href="{first_of_2023.get_absolute_url()}">下一篇（2023年6月15日 A1版）' in page
    # within one year the month and day are enough
    assert (
        "下一篇（6月16日 B1版）"
        in client.get(Article.objects.get(headline="黄桃挂满枝果农采摘忙").get_absolute_url()).content.decode()
    )
