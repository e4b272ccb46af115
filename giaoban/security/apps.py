from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "giaoban.security"
    verbose_name = "An toàn, bảo mật"

    def ready(self):
        # django-csp's middleware module is patched once the apps are loaded, not when settings name this app
        from giaoban.security import csp_policy

        csp_policy.install()
