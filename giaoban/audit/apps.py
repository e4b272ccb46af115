from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "giaoban.audit"
    verbose_name = "Nhật ký thay đổi"
