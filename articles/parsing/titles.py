"""Which printed title line is the kicker (引题), the headline (主题) and the subheadline (副题).

Font sizes are lost in extracted text, so the roles are read from what each line says:
- a kicker names who did what (`市长王建国调研重点项目时强调`, `…会议召开`) or states a plain
  fact (`全市新增就业岗位3.2万个`); it stands above a headline that is a slogan or a message;
- a headline is the message (`坚决筑牢安全防线`, `稳就业 促增收`), often in two parallel halves;
- a subheadline follows a headline that announces an event, with who attended or what was
  decided, or starts with a dash (`——`), right under its headline (a line above that headline
  is its kicker, or a column label: `央媒看株洲`).
When the lines give no such evidence, the first line is the headline and the rest its
subheadline: the printed order is kept, so the title reads as printed whatever the roles.
"""

from __future__ import annotations

import re

from .text import cjk_len

Roles = tuple[str | None, str, str | None]

LABEL_MAX = 6  # a column label (栏目, `央媒看株洲`) is a few characters set apart from the title

# Who did what: an official's or body's activity, ending the line.
ACTIVITY = re.compile(
    r"(时强调|时指出|时要求|时表示|时说|强调|指出|要求|调研|督导|督查|检查|考察|视察|走访|看望|慰问|会见|"
    r"会谈|主持召开|主持|出席|深入|部署|宣讲|讲授)[^，。]{0,24}$"
)
# An event announced: the line ends with the event happening.
EVENT = re.compile(r"(召开|举行|举办|开幕|闭幕|启动|开工|落幕|揭牌|签约|发布|开通|通车|召开会议|会议)$")
# A plain fact: a count with its measure word.
COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:个|家|名|项|人|万|亿|元|%|％|支|所|条|座|公里|千米|吨|户|件|次|场|批|倍)")
# A slogan: a call to act, or a message in quotes.
CALL = re.compile(
    r"^(坚决|全力|加快|推动|奋力|持续|扎实|聚焦|抓好|抓实|落实|筑牢|打造|奏响|让|助力|确保|携手|共建|共创|争当|争做|勇当|凝心|聚力|决战|决胜|守护|点亮|绘就|书写)"
)
# A modifying phrase that sets the scene for the headline (`在疫情防控中表现突出`).
SETTING = re.compile(r"^(在|随着|围绕|面对|伴随|借助|依托|聚焦|立足|紧扣|坚持)")
ATTENDANCE = re.compile(r"(出席|参加|主持|讲话|陪同|出席会议|参加会议|研究|审议|听取|学习)")


def join_title(text: str) -> str:
    """A headline printed in parts (`分区分级精准施策 复工复产秩序井然`) reads as one line."""
    return re.sub(r"(?<=[^\sA-Za-z0-9]) +(?=[^\sA-Za-z0-9])", "", text).strip()


# A line that says who did what or that an event happened is complete: it does not run on into
# the next printed line (`…调研种业发展时强调` / `打好种业翻身仗`).
COMPLETE_CLAUSE = re.compile(r"(时强调|时指出|时要求|时表示|强调|指出|要求|举行|开幕|闭幕|出炉|会议|施行|落幕|揭晓)$")


def ends_complete_clause(line: str) -> bool:
    text = line.replace(" ", "")
    return bool(COMPLETE_CLAUSE.search(text))


def is_kicker_like(line: str) -> bool:
    """Who did what, an event announced, or a plain fact: the line above a slogan."""
    text = line.replace(" ", "")
    return bool(ACTIVITY.search(text) or EVENT.search(text) or COUNT.search(text) or SETTING.match(text))


def is_slogan_like(line: str) -> bool:
    """A message: a call to act, a quoted phrase, or two parallel halves (`稳就业 促增收`)."""
    text = line.strip()
    if COUNT.search(text) or ACTIVITY.search(text.replace(" ", "")):
        return False
    return bool(CALL.match(text) or "“" in text or _parallel(text))


def _parallel(text: str) -> bool:
    """Two halves of about the same length (`稳就业 促增收`, `多平台协作，奏响英雄凯旋曲`)."""
    halves = re.split(r"[ ，,]", text.strip())
    return len(halves) == 2 and abs(cjk_len(halves[0]) - cjk_len(halves[1])) <= 3


def completes_halves(above: str, line: str) -> bool:
    """`line` is the second of two even halves whose first ends the line above
    (`…时强调 打好种业翻身仗` / `端牢群众饭碗`): the rest of a headline, wrapped. A line above that
    is two halves already (`黄桃挂满枝 果农采摘忙`) is a whole headline."""
    first = above.split()[-1] if above.split() else ""
    whole = _parallel(above)
    return cjk_len(first) >= 4 and not whole and _parallel(f"{first} {line}") and not is_kicker_like(line)


def _is_attendance(line: str) -> bool:
    return bool(ATTENDANCE.search(line)) and not is_slogan_like(line)


def _pair(first: str, second: str) -> Roles:
    """Two main lines in printed order."""
    short = cjk_len(first) <= 8 and cjk_len(second) <= 8 and not is_kicker_like(first)
    exclaimed_tail = cjk_len(second) <= 4 and second.endswith(("！", "!"))  # `…口袋公园` / `开放啦！`
    if (short or exclaimed_tail) and " " not in first + second:
        return None, first + second, None  # one short headline wrapped onto two lines
    if EVENT.search(first.replace(" ", "")) and (_is_attendance(second) or not is_slogan_like(second)):
        return None, join_title(first), second
    if ACTIVITY.search(first.replace(" ", "")) and not is_kicker_like(second):
        return first, join_title(second), None  # who did what, then the message
    if is_kicker_like(first) and is_slogan_like(second):
        return first, join_title(second), None
    if is_slogan_like(second) and not is_slogan_like(first) and cjk_len(first) >= cjk_len(second):
        return first, join_title(second), None
    if SETTING.match(first) and not SETTING.match(second):
        return first, join_title(second), None
    if (CALL.match(first) or _parallel(first)) and COUNT.search(second) and not is_slogan_like(second):
        return second, join_title(first), None  # a fact printed under its slogan is its kicker
    if cjk_len(second) <= cjk_len(first) and is_kicker_like(first):
        return first, join_title(second), None
    return None, join_title(first), second


def _label_under(headline: str, line: str) -> bool:
    """A column label (a few characters, `央媒看株洲`) printed under a longer headline."""
    return cjk_len(line) <= LABEL_MAX < cjk_len(headline)


def _halves(first: str, second: str, third: str) -> bool:
    """A line above a headline printed in two short halves (`城市夜经济观察` / `夜色里的烟火气` /
    `点亮消费新场景`): the halves are short and even, say no activity or attendance, and the line
    above is no shorter than either."""
    a, b = cjk_len(second), cjk_len(third)
    plain = not any(is_kicker_like(x) or _is_attendance(x) or x.startswith("——") for x in (second, third))
    return plain and max(a, b) <= 10 and abs(a - b) <= 2 and cjk_len(first) >= max(a, b)


def _one_line(line: str) -> Roles:
    """A kicker and headline printed on one line, separated by a space."""
    pieces = line.split(" ")
    if len(pieces) >= 2:
        head, rest = pieces[0], " ".join(pieces[1:])
        if is_kicker_like(head) and cjk_len(head) >= 6 and not is_kicker_like(rest):
            return head, join_title(rest), None
        if len(pieces) >= 3 and cjk_len(head) >= 8:
            return head, join_title(rest), None
        if len(pieces) == 2 and cjk_len(head) >= 10 and cjk_len(head) >= 2 * cjk_len(rest):
            return head, join_title(rest), None
    return None, join_title(line), None


def title_roles(elements: list[str]) -> Roles:
    """(kicker, headline, subheadline) from a title's printed elements, in printed order."""
    parts: list[str] = []
    for element in elements:
        head, dash, tail = element.partition("——")
        if dash and head.strip():
            parts += [head.strip(), "——" + tail.strip()]
        else:
            parts.append(element.strip())
    subs = [p for p in parts if p.startswith("——")]
    main = [p for p in parts if not p.startswith("——")]
    if not main:
        return None, "", " ".join(subs) or None
    kicker, headline, sub = _one_line(main[0])
    if kicker is not None and len(main) >= 2 and completes_halves(main[0], main[1]):
        headline, sub = join_title(headline + main[1]), " ".join(main[2:])  # the headline's second half, wrapped
    elif kicker is not None or len(main) == 1:
        sub = " ".join(main[1:])
    elif len(main) == 2:
        kicker, headline, sub = _pair(main[0], main[1])
        if subs and sub and not _label_under(main[0], main[1]):
            kicker, headline, sub = main[0], join_title(main[1]), None  # a dash subtitle follows its headline
    elif len(main) == 3 and _halves(main[0], main[1], main[2]):
        kicker, headline, sub = main[0], join_title(main[1] + main[2]), None
    elif is_kicker_like(main[0]) and not is_kicker_like(main[1]):
        kicker, headline, sub = main[0], join_title(main[1]), " ".join(main[2:])
    else:
        kicker, headline, sub = None, join_title(main[0]), " ".join(main[1:])
    subs = ([sub] if sub else []) + subs
    return kicker, headline, (" ".join(subs) or None)
