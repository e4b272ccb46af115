from django.apps import AppConfig


class CollectionConfig(AppConfig):
    name = "giaoban.collection"
    verbose_name = "Thu thập báo cáo"
