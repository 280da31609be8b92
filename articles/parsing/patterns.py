"""Recognisers for the printed furniture of an article: bylines, leads, credits, jump lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import CJK, CREDIT_END

# A person's name: two to four characters, or longer with a middle dot (`阿依古丽·买买提`).
NAME = f"[{CJK}]{{2,4}}|(?=[{CJK}·]*·)[{CJK}][{CJK}·]{{1,8}}"
# How a sentence runs into a role word (`截至记者发稿时`, `据记者了解`, `告诉记者`): text before
# 记者 that ends with a preposition or a verb that takes it is no organisation.
NOT_ORG_END = frozenset("至据受诉向对领让给请跟和与被的了过到在从把将为是")
ROLE_WORDS = ("特约通讯员", "通讯员", "见习记者", "实习记者", "实习生", "特约记者", "摄影记者", "记者")
_ROLE_TOKEN = re.compile(f"^(?P<org>[{CJK}·]{{0,12}}?)(?P<role>{'|'.join(ROLE_WORDS)})(?P<rest>[{CJK}·]{{0,4}})$")
# Common surnames by population (314 characters from national census rankings), for one purpose
# only: a lone line of two or three characters that starts with one of them is a signature
# (署名), not a headline. Characters that mostly begin ordinary words (全, 时, 党, 安…) are left
# out, and the commonest words and column labels of two or three characters are never a name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢齐伍庞颜聂章鲁岳欧阳柳申殷詹耿关兰焦俞左甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
    "蓝路游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵"
    "苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺"
    "楼闻厉伊仝郜阚帅屠朴练廉禹祖漆巴支卿狄索宣晋扈晁芮阙伏鹿薄邸雍辜裘邰赫杭况宿逯隆茹诸慕危亢嵇湛戎勾茅揭尉"
    "檀昝"
)
NOT_NAMES = frozenset(
    "时评 短评 快评 党建 安全 全市 阳光 新闻 图片 图说 关注 特稿 综合 要闻 专题 声音 观察 速读 简讯 资讯 提示 "
    "链接 评论 社论 民生 经济 文化 体育 教育 健康 科技 法治 旅游 读者 来信 今日 本周 编者按 编后 纵横 时政 "
    "高考 高温 金秋 方向 文明 成果 关于 向前 温暖 康养 施工 牛市 石榴 江南 龙舟 黄金 白天 马上 朱红".split()
)
AGENCIES = ("新华社", "中新社", "人民日报", "光明日报", "经济日报", "央视", "中央广播电视总台", "湖南日报")
JUMP = re.compile(
    r"^[（(]?\s*(?P<verb>下转|上接|转|接|详见|见)\s*(?:第\s*)?(?P<page>[A-Za-z]?\s*\d{1,2})\s*版"
    r"(?:[^。]{0,12})?[）)]?$"
)
# A pointer printed at the end of a paragraph: `……增长6.9%。（详见B3版）`.
TRAILING_JUMP = re.compile(
    r"(?<=[。！？”）)])\s*(?P<jump>[（(]\s*(?:下转|转|详见|见)\s*(?:第\s*)?[A-Za-z]?\s*\d{1,2}\s*版[^。（()）]{0,8}[）)]"
    r"|(?:下转|详见)\s*(?:第\s*)?[A-Za-z]?\s*\d{1,2}\s*版)\s*$"
)
_AGENCY_ALT = "|".join(AGENCIES)
LEAD = re.compile(
    rf"^(?P<ju>据)?(?P<src>{_AGENCY_ALT}|[{CJK}·]{{1,12}}?(?:报|社|台|网|新闻|客户端)|[{CJK}·]{{2,14}}?)"
    rf"(?:讯|(?P<place>[{CJK}]{{0,8}}?)\s*(?P<d1>\d{{1,2}}月\d{{1,2}}日)(?P<end>[电讯]))"
)
PAREN_BYLINE = re.compile(r"^\s*[（(](?P<inner>[^（()）]{2,60})[）)]")
# A dateline is one day or a range (`6月2日至3日`, `6月30日至7月1日`).
LEAD_DATE = re.compile(r"^\s*(?P<date>\d{1,2}月\d{1,2}日(?:[至到—-]+(?:\d{1,2}月)?\d{1,2}日)?)(?:[，,]\s*)?")


@dataclass
class Credits:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    is_photo: bool = False

    def extend(self, other: Credits) -> None:
        for key in ("reporters", "correspondents", "photographers", "authors", "orgs"):
            for name in getattr(other, key):
                if name not in getattr(self, key):
                    getattr(self, key).append(name)
        self.is_photo = self.is_photo or other.is_photo


_ROLE_SPLIT = re.compile(f"({'|'.join(ROLE_WORDS)})")


def _tokens(line: str) -> list[str]:
    """Words of a byline, with names glued to role words split off: joining wrapped lines glues
    them (`记者 彭亮` / `通讯员 龚晓玲` -> `记者 彭亮通讯员 龚晓玲`). The text before the first role
    word stays with it: it is the organisation (`株洲日报记者`)."""
    line = re.sub(r"[（()）]", " ", line)
    out: list[str] = []
    for token in (t for t in re.split(r"[\s/／:：、，,]+", line) if t):
        parts = _ROLE_SPLIT.split(token)
        if len(parts) == 1:
            out.append(token)
            continue
        before = parts[0]
        if before and out and any(_ROLE_SPLIT.search(t) for t in out):
            out.append(before)  # a name of the role before, glued to this role word
            before = ""
        for k in range(1, len(parts), 2):
            out.append((before if k == 1 else "") + parts[k])
            if parts[k + 1]:
                out.append(parts[k + 1])
    return out


# How the name of an organisation ends: a unit or a company credited for a photo is not a person.
ORG_END = re.compile(
    r"(公司|集团|中心|医院|学校|大学|学院|中学|小学|幼儿园|协会|银行|景区|街道|社区|委员会|党委|政府|融媒体|"
    r"工作室|合作社|基地|[局委办馆站所院厂部队处科网台社报])$"
)


def is_organisation(token: str) -> bool:
    """`市文旅局`, `株洲千金药业公司`, `中车株洲所`: a unit, not a person (names are two to four
    characters and a person's name ending in one of these characters is short)."""
    m = ORG_END.search(token)
    return bool(m) and (len(m.group(1)) >= 2 or len(token) >= 4)


def parse_byline(line: str) -> Credits | None:
    """`株洲日报记者 罗欣 通讯员/芷榕` -> reporters, correspondents; None if the line is not a byline.

    Names after 摄 / 供图 are photographers, whatever role word stands before them; a unit that
    provided a photo (`市文旅局 供图`) is credited as nobody.
    """
    text = line.strip()
    if len(text) > 80 or re.search(r"[。！？；]", text) or _closes_a_lead(text):
        return None
    photo = bool(CREDIT_END.search(text))
    if not photo and not _ROLE_SPLIT.search(text):
        return None  # no role word and no photo credit: most lines of a page, answered at once
    provided = photo and "供图" in text
    tokens = _tokens(CREDIT_END.sub("", text).strip() if photo else text)
    if not tokens:
        return Credits(is_photo=True) if photo else None
    credits = Credits(is_photo=photo)
    role: str | None = None
    for token in tokens:
        m = _ROLE_TOKEN.match(token)
        if m and m.group("org")[-1:] in NOT_ORG_END:
            return None
        if m:
            role = m.group("role")
            _read_role(credits, m, photo)
        elif is_organisation(token) or not re.fullmatch(NAME, token):
            if not provided:  # `受访企业 供图`: a provider, not a person
                return None
        elif role is not None:
            _add(credits, role, token, photo)
        elif photo:
            credits.photographers.append(token)
        else:
            return None
    if role is None and not photo:
        return None
    if provided and role is None:
        credits.photographers.clear()
    return credits


def _closes_a_lead(text: str) -> bool:
    """`通讯员 尹红）近日，记者`: a closing bracket with no opening one and text after it ends a
    lead's bracketed byline wrapped from the line above; the line is the lead's, no byline."""
    return bool(re.search(r"[）)]\s*\S", text)) and not re.search(r"[（(]", text)


def _read_role(credits: Credits, m: re.Match, photo: bool) -> None:
    """A role token: `株洲日报记者`, `通讯员`, and a name glued to it (`记者李华`)."""
    org = m.group("org").strip("·")
    if org:
        credits.orgs.append(org)
    rest = m.group("rest")
    if rest and 2 <= len(rest) <= 4:
        _add(credits, m.group("role"), rest, photo)


def _add(credits: Credits, role: str, name: str, photo: bool) -> None:
    if photo:
        target = credits.photographers
    elif "通讯员" in role:
        target = credits.correspondents
    else:
        target = credits.reporters
    if name not in target:
        target.append(name)


SIGNATURE_MARKS = "□■◎●○"  # printed before a commentary's signature


def signature_name(line: str) -> str:
    return line.strip().lstrip(SIGNATURE_MARKS).strip()


def points_elsewhere(jump: str) -> bool:
    """A jump line that sends the reader to a story on another page (`详见B3版`), not one that
    continues this story there (`下转A2版`)."""
    return "见" in jump


def is_signature(line: str) -> bool:
    """A commentary's author alone on a line: a name of two or three characters; a photographer's
    credit whose space was squeezed out (`刘琦摄`) is none."""
    text = signature_name(line)
    name = bool(re.fullmatch(f"[{CJK}]{{2,3}}", text)) and text[0] in SURNAMES and text not in NOT_NAMES
    return name and not CREDIT_END.search(text)


def normalise_source(org: str) -> str:
    """`株洲日报社新媒体` / `株洲日报·掌上株洲` -> `株洲日报`; agencies as they are."""
    for agency in AGENCIES:
        if org.startswith(agency):
            return agency
    m = re.match(f"([{CJK}]+?[日晚晨]?报)", org)
    if m:
        return m.group(1)
    return org


@dataclass
class Lead:
    printed: str  # the text removed from the body, as printed
    source: str
    dateline: str | None
    credits: Credits | None
    rest: str


def _names_a_source(src: str) -> bool:
    """A paper, an agency, a station, a site or an app (`株洲日报·掌上株洲`, `衡阳新闻`, `本报`)."""
    known = any(src.startswith(a) for a in AGENCIES)
    return known or "·" in src or bool(re.search(r"(报|社|台|网|新闻|客户端|融媒|本刊)$", src))


def parse_lead(paragraph: str) -> Lead | None:
    """`株洲日报讯 3月26日，…`, `据新华社北京3月26日电 …`, `株洲日报·掌上株洲讯(记者/… ) 5月7日,…`,
    `本报长沙3月26日讯 …`: a source, then a date or a bracketed byline."""
    m = LEAD.match(paragraph)
    if not m:
        return None
    src = m.group("src")
    if m.group("d1"):
        if not _names_a_source(src):
            return None
        dateline = f"{m.group('place')}{m.group('d1')}" + ("电" if m.group("end") == "电" else "")
    else:
        starts_lead = re.match(r"\s*([（(]|\d{1,2}月\d{1,2}日)", paragraph[m.end() :])
        if len(src) > 12 or not (_names_a_source(src) or starts_lead):
            return None
        dateline = None
    pos = m.end()
    rest = paragraph[pos:]
    credits = None
    pm = PAREN_BYLINE.match(rest)
    if pm:
        credits = parse_byline(pm.group("inner"))
        if credits is not None:
            pos += pm.end()
            rest = paragraph[pos:]
    if dateline is None:
        dm = LEAD_DATE.match(rest)
        if dm:
            dateline = dm.group("date")
            pos += dm.end()
    printed = paragraph[:pos]
    body = paragraph[pos:].lstrip()
    return Lead(printed=printed.strip(), source=normalise_source(src), dateline=dateline, credits=credits, rest=body)


def split_trailing_jump(paragraph: str) -> tuple[str, str]:
    """(paragraph, jump line): the pointer at the end of a paragraph, if any, stands alone."""
    m = TRAILING_JUMP.search(paragraph)
    if not m or parse_jump(m.group("jump")) is None:
        return paragraph, ""
    return paragraph[: m.start()].rstrip(), m.group("jump")


def parse_jump(line: str) -> str | None:
    m = JUMP.match(line.strip())
    if not m:
        return None
    return re.sub(r"\s+", "", m.group("page")).upper()
