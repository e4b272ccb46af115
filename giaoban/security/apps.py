from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "giaoban.security"
    verbose_name = "An toàn, bảo mật"
