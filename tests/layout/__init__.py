"""A layout simulator for the page parser: articles of our own (and, at run time, the sample
pages' articles) laid out as the raw text that extraction produces, with an answer key.

    article.py   Article (what was printed) and Story (an Article rendered for one issue date)
    corpus.py    ~60 articles of our own writing
    seeds.py     the sample pages' articles as Articles, read at run time (never stored here)
    phenomena.py the named phenomena, which format each applies to, and the on/off switch
    typeset.py   the artefacts of extraction: hard wraps, spaced digits, fake bold, bylines
    pdf.py, lines.py, markdown.py   one page layout per source format
    gold.py      the answer key, in the shape of ../shared/eval/gold
    compose.py   compose() and random_page(): articles -> ComposedPage(text, gold, tags)
    score.py     per-article scoring with the pairing of ../shared/eval/score_parse.py
"""
