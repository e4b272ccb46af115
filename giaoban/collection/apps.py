from django.apps import AppConfig
from django.db.models.signals import post_save


def _seed_rules_for_new_indicator(sender, instance, created, raw=False, **kwargs):
    # The catalogue is usually loaded after the migrations ran (demo, fixtures): the default
    # rules are created once their indicators exist.
    if created and not raw:
        from giaoban.collection.rules import seed_default_rules  # models: apps.py loads before them

        seed_default_rules()


class CollectionConfig(AppConfig):
    name = "giaoban.collection"
    verbose_name = "Thu thập báo cáo"

    def ready(self):
        from giaoban.collection import restructure  # it imports models: only once the apps are loaded

        restructure.connect()
        from giaoban.collection import peers  # it imports models: only once the apps are loaded

        peers.connect()
        post_save.connect(_seed_rules_for_new_indicator, sender="org.Indicator", dispatch_uid="collection-seed-rules")
        # models load after apps.py: imported here
        from giaoban.collection.models import Deadline, Membership, Target, ValidationRule
        from giaoban.org import stamp

        # targets are read by the dashboards, the rules by every form (giaoban.collection.form),
        # the memberships and the deadlines by every page (collection.access, collection.completeness)
        stamp.watch(Target, ValidationRule, ValidationRule.organizations.through, Membership, Deadline)
