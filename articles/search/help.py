"""The examples of the help page (检索帮助): each is searched by the tests, which check that the
reading shown here is the reading the search makes."""

from __future__ import annotations

from typing import NamedTuple


class Example(NamedTuple):
    query: str
    reading: str  # str(parse_query(query)): what the API returns as "query"
    meaning: str


EXAMPLES = [
    Example("株洲 医院", "株洲 医院", "两段文字都出现（AND，也可写 and 或 &）"),
    Example("株洲 OR 湘潭", "株洲 OR 湘潭", "任一出现（也可写 or 或 |）；OR 比空格（AND）结合得更紧"),
    Example("(株洲 or 湘潭) and 医院", "(株洲 OR 湘潭) 医院", "括号分组：株洲或湘潭，并且有医院"),
    Example('"湘江 风光带"', '"湘江 风光带"', "引号内是一个短语；汉字旁的空格有没有都一样，有没有空格都能找到"),
    Example("株洲日报记者罗欣", "株洲日报记者罗欣", "印刷文字里的空格（株洲日报记者 罗欣）不必照打"),
    Example("战“疫”捷报", "战“疫”捷报", "文字中的引号、括号等标点是文字的一部分，照原样查找"),
    Example("株洲 -广告", "株洲 -广告", "排除含“广告”的文章（也可写 NOT 广告）"),
    Example("經濟", "經濟", "繁体与简体一并检索（经济、經濟都能找到）"),
    Example("周春林", "周春林", "直接输入姓名即可找到署名里有这个名字的文章，署名命中的排在前面"),
    Example("作者:罗欣", "作者:罗欣", "罗欣署名的文章（记者、通讯员、摄影、作者）"),
    Example("标题:株洲", "标题:株洲", "只在引题、主题、副题中查找"),
    Example("版:A1 株洲", "版:a1 株洲", "只找 A1 版上的文章"),
    Example("株洲*", "株洲", "末尾的 * 不需要：检索本来就查找包含这段文字的文章"),
]
