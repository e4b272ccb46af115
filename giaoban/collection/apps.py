from django.apps import AppConfig
from django.db.models.signals import post_save


def _seed_rules_for_new_indicator(sender, instance, created, raw=False, **kwargs):
    # The catalogue is usually loaded after the migrations ran (demo, fixtures): the default
    # rules are created once their indicators exist.
    if created and not raw:
        from giaoban.collection.rules import seed_default_rules

        seed_default_rules()


class CollectionConfig(AppConfig):
    name = "giaoban.collection"
    verbose_name = "Thu thập báo cáo"

    def ready(self):
        post_save.connect(_seed_rules_for_new_indicator, sender="org.Indicator", dispatch_uid="collection-seed-rules")
