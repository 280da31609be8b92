"""Fuzz every URL pattern and query parameter: 4xx with a helpful page or JSON error, never a 500."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NASTY = [
    '"',
    "'",
    "-",
    "OR",
    "（",
    "）",
    "(",
    ")",
    "\x00",
    "\x07",
    "\u202e",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "%",
    "%%",
    "\\",
    "标题:",
    "作者:",
    "版:",
    "“",
    "”",
    "株洲",
    "\ud7ff",
    "9" * 40,
    "-1",
    "A1",
    " ",
    "\t",
    "\n",
    "株洲 -株洲",
    "-株洲",
    "²⁰²³",
    "①",
]
text = st.one_of(
    st.sampled_from(NASTY), st.text(max_size=40), st.lists(st.sampled_from(NASTY), max_size=8).map("".join)
)
number = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", "0", "00", "1e9", "NaN", "-0", "٣", "²⁰²³", "①②③④", "２０２３", "٢٠٢٣"]),
    text,
)
PARAMS = ["f" + str(i) for i in range(3)] + [
    "q",
    "p",
    "sort",
    "year",
    "month",
    "page",
    "person",
    "source",
    "kind",
    "date_from",
    "date_to",
    "hl",
    "vs",
]
cases = {"n": 0, "statuses": {}}


def paths():
    day = st.tuples(st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)).map(
        lambda t: f"{t[0]:04d}/{t[1]:02d}/{t[2]:02d}"
    )
    label = st.one_of(st.from_regex(r"[A-Za-z]{0,2}[0-9]{1,3}", fullmatch=True), text.map(lambda s: quote(s, safe="")))
    ident = number.map(lambda s: quote(s, safe=""))
    slug = text.map(lambda s: quote(s, safe="") or "x")
    return st.one_of(
        st.just("/"),
        day.map(lambda d: f"/{d}/"),
        st.tuples(day, label).map(lambda t: f"/{t[0]}/{t[1]}/"),
        st.tuples(day, label).map(lambda t: f"/{t[0]}/{t[1]}/raw/"),
        ident.map(lambda i: f"/articles/{i}/"),
        slug.map(lambda s: f"/people/{s}/"),
        st.just("/search/"),
        st.just("/search/trend/"),
    ).flatmap(
        lambda p: st.sampled_from([p, "/api" + p]) if not p.startswith("/search/trend") else st.just(p)
    ) | st.sampled_from(
        [
            "/api/search/",
            "/api/search/facets/",
            "/api/search.csv",
            "/opensearch.xml",
            "/robots.txt",
            "/sitemap.xml",
            "/sitemap-articles.xml",
            "/sitemap-issues.xml",
            "/healthz",
            "/readyz",
        ]
    )


@settings(
    max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(path=paths(), params=st.dictionaries(st.sampled_from(PARAMS), number | text, max_size=5))
def test_no_url_or_parameter_gives_a_500(client, ingested, path, params):
    response = client.get(path + ("?" + urlencode(params) if params else ""))
    cases["n"] += 1
    cases["statuses"][response.status_code] = cases["statuses"].get(response.status_code, 0) + 1
    assert response.status_code < 500, (path, params)
    if (
        response.status_code >= 400
        and path.startswith("/api/")
        and response["Content-Type"].startswith("application/json")
    ):
        body = response.json()
        assert body["status"] == response.status_code and body["error"]


@pytest.mark.parametrize(
    "raw", [b"q=%FF%FE", b"q=\xff\xfe", b"q=%E6%A0%AA%E6", b"p=%00", b"q=" + b"%E6%A0%AA" * 4000, b"year=%C0%80"]
)
@pytest.mark.parametrize(
    "path", ["/search/", "/api/search/", "/api/search.csv", "/api/search/facets/", "/search/trend/"]
)
def test_invalid_utf8_in_the_query_string(client, ingested, raw, path):
    response = client.get(path, QUERY_STRING=raw.decode("latin-1"))  # WSGI carries bytes as latin-1
    cases["n"] += 1
    assert response.status_code < 500


def test_the_server_stays_healthy_and_reports_cases(client, ingested):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/2023/06/15/A1/").status_code == 200
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "fuzz.json").write_text(json.dumps(cases, indent=1))
    assert cases["n"] >= 1500  # the fuzz above really ran


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/2023/06/15/",
        "/2023/06/15/A1/",
        "/search/",
        "/search/trend/",
        "/api/search/",
        "/api/search.csv",
        "/people/x/",
        "/articles/1/",
        "/readyz",
    ],
)
def test_1001_parameters_on_every_route(client, ingested, path):
    response = client.get(path + "?" + "&".join(f"x{i}=%00" for i in range(1001)))
    cases["n"] += 1
    assert response.status_code in (400, 404) or (path == "/readyz" and response.json() == {"status": "ready"}), path
