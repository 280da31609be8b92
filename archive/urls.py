from django.contrib import admin
from django.urls import include, path

from articles import errors
from articles.urls import api_patterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include((api_patterns, "api"))),
    path("", include("articles.urls")),
]

handler400 = errors.bad_request
handler404 = errors.not_found
handler500 = errors.server_error
