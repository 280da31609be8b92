from django.urls import path, register_converter

from articles.converters import (
    BoundedIntConverter,
    PageLabelConverter,
    PersonSlugConverter,
    YearConverter,
    YearMonthConverter,
    YearMonthDayConverter,
)
from articles.web import about, api, calendar_views, cite_views, feeds, people_index, search_views, views

register_converter(YearMonthDayConverter, "ymd")
register_converter(PageLabelConverter, "label")
register_converter(BoundedIntConverter, "id")
register_converter(PersonSlugConverter, "slug80")
register_converter(YearConverter, "year")
register_converter(YearMonthConverter, "ym")

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    # /2020/ : the year's issues by month
    path("<year:year>/", calendar_views.year_view, name="year"),
    # /2020/03/ : the month's issues, page counts and lead headlines
    path("<ym:ym>/", calendar_views.month_view, name="month"),
    # /2020/03/27/
    path("<ymd:day>/", views.issue, name="issue"),
    # /2020/03/27/A1/
    path("<ymd:day>/<label:label>/", views.page, name="page"),
    # /2020/03/27/A1/raw/ : the page text exactly as ingested
    path("<ymd:day>/<label:label>/raw/", views.page_raw, name="page_raw"),
    # /articles/42/
    path("articles/<id:pk>/", views.article, name="article"),
    # /articles/42/cite.ris (also .bib, .json): the reference for a reference manager
    path("articles/<id:pk>/cite.ris", cite_views.cite, {"fmt": "ris"}, name="cite_ris"),
    path("articles/<id:pk>/cite.bib", cite_views.cite, {"fmt": "bib"}, name="cite_bib"),
    path("articles/<id:pk>/cite.json", cite_views.cite, {"fmt": "json"}, name="cite_json"),
    # /people/?q=lx&role=reporter : everyone credited, by pinyin initial
    path("people/", people_index.people, name="people"),
    # /people/罗欣/
    path("people/<slug80:slug>/", views.person, name="person"),
    # Atom feeds: new issues, a person's new articles, a search's newest hits
    path("feeds/issues/", feeds.IssueFeed(), name="feed_issues"),
    path("people/<slug80:slug>/feed/", feeds.person_feed, name="feed_person"),
    path("search/feed/", feeds.search_feed, name="feed_search"),
    # /search/?q=株洲
    path("search/", search_views.search, name="search"),
    # /search/trend/?q=株洲&vs=湘潭 : hits per year, compared
    path("search/trend/", search_views.trend, name="trend"),
    # /search/help/ : the search language, with examples the tests run
    path("search/help/", search_views.search_help, name="search_help"),
    path("about/", about.about, name="about"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
]

api_patterns = [
    path("", api.home, name="home"),
    path("<year:year>/", calendar_views.year_api, name="year"),
    path("<ym:ym>/", calendar_views.month_api, name="month"),
    path("<ymd:day>/", api.issue, name="issue"),
    path("<ymd:day>/<label:label>/", api.page, name="page"),
    path("articles/<id:pk>/", api.article, name="article"),
    path("people/", people_index.people_api, name="people"),
    path("people/<slug80:slug>/", api.person, name="person"),
    path("search/", search_views.search_api, name="search"),
    path("about/", about.about_api, name="about"),
    path("search/facets/", search_views.facets_api, name="search_facets"),
    path("search/trend/", search_views.trend_api, name="search_trend"),
    path("search/trend.csv", search_views.trend_csv, name="search_trend_csv"),
    path("search/help/", search_views.search_help_api, name="search_help"),
    path("search.csv", search_views.search_csv, name="search_csv"),
]
