"""django-axes under a Chinese name in the admin, without forking it (its AppConfig, renamed)."""

from __future__ import annotations

from axes.apps import AppConfig


class AxesConfig(AppConfig):
    verbose_name = "登录保护"
