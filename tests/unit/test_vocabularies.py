"""Each fixed vocabulary (article kind, credit role, source format) is written once, as a StrEnum
with labels in articles/parsing/types.py; the models' choices and every list of roles follow it."""

from __future__ import annotations

import pytest

from articles.models import Article, Credit, Page
from articles.parsing import Kind, ParsedArticle, Role, SourceFormat


@pytest.mark.parametrize(
    ("field", "vocabulary"),
    [
        (Article._meta.get_field("kind"), Kind),
        (Credit._meta.get_field("role"), Role),
        (Page._meta.get_field("source_format"), SourceFormat),
    ],
)
def test_model_choices_are_the_parser_vocabularies(field, vocabulary):
    assert field.choices == [(member.value, member.label) for member in vocabulary]


def test_the_labels_readers_see():
    assert [k.label for k in Kind] == ["消息", "图片新闻", "评论", "表格", "导读", "通讯社稿", "通讯"]
    assert [r.label for r in Role] == ["记者", "通讯员", "摄影", "作者"]
    assert Kind("photo") is Kind.PHOTO and str(Kind.PHOTO) == "photo"


def test_a_parsed_articles_credits_come_in_role_order_from_its_name_lists():
    art = ParsedArticle(reporters=["罗欣", "王五"], photographers=["王晨"], authors=["李四"])
    assert art.credits() == [
        (Role.REPORTER, ["罗欣", "王五"]),
        (Role.CORRESPONDENT, []),
        (Role.PHOTOGRAPHER, ["王晨"]),
        (Role.AUTHOR, ["李四"]),
    ]
    assert [role.plural for role in Role] == ["reporters", "correspondents", "photographers", "authors"]
