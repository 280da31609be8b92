"""How strongly the evidence on the page holds one parsed article together, from 0 to 1.

Staff review starts from the weakest articles. Each piece of evidence is a named feature with a
weight, so a new kind of evidence is a new line here:
- the title's wording reappears in the body (news repeats its headline in its first lines);
- the article has a printed start: a byline, a lead (`株洲日报讯`), a signature or a photo credit;
- the headline reads as a title (present, of a title's length, not stopping mid-sentence);
- the body reads as a story (present, ending a sentence or pointing to another page);
- the title was printed next to its body (a title paired across the page is a guess);
- every title line fits the body (a line that fits nothing may belong to another story).
"""

from __future__ import annotations

from .text import bigrams, cjk_len, ends_mid_sentence, ends_sentence, pair_share
from .types import ParsedArticle

WEIGHTS = {
    "title_fit": 0.25,
    "printed_start": 0.2,
    "headline_shape": 0.15,
    "body_shape": 0.15,
    "title_beside_body": 0.15,
    "every_line_fits": 0.1,
}


def features(art: ParsedArticle, title_gap: int = 0, weakest_line_fit: float = 1.0) -> dict[str, float]:
    """The evidence, each in [0, 1]. `title_gap`: paragraphs printed between the title block and
    the nearest paragraph of its body; `weakest_line_fit`: the fit of the title line that fits
    the body least."""
    title = (art.kicker or "") + art.headline + (art.subheadline or "")
    fit = pair_share(title, bigrams(art.body[:3000] + "".join(art.captions)))
    started = bool(art.bylines or art.lead or art.reporters or art.authors or art.photographers)
    headline_ok = bool(art.headline) and 4 <= cjk_len(art.headline) <= 48 and not ends_mid_sentence(art.headline)
    body = art.body.rstrip()
    body_ok = bool(body or art.captions) and (not body or ends_sentence(body) or bool(art.continued_to))
    return {
        "title_fit": min(1.0, fit / 0.6),
        "printed_start": 1.0 if started else 0.0,
        "headline_shape": 1.0 if headline_ok else 0.0,
        "body_shape": 1.0 if body_ok else 0.0,
        "title_beside_body": 1.0 if title_gap <= 2 else 0.0,
        "every_line_fits": min(1.0, weakest_line_fit / 0.3),
    }


def confidence(art: ParsedArticle, title_gap: int = 0, weakest_line_fit: float = 1.0) -> float:
    evidence = features(art, title_gap, weakest_line_fit)
    return round(sum(WEIGHTS[name] * value for name, value in evidence.items()), 3)
