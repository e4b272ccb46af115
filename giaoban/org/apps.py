from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "giaoban.org"
    verbose_name = "Tổ chức, địa bàn, chỉ tiêu"
