from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "giaoban.security"
    verbose_name = "An toàn, bảo mật"

    def ready(self):
        from giaoban.security import csp_policy

        csp_policy.install()
