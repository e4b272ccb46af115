from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    verbose_name = "Hội nghị, nhiệm vụ"

    def ready(self):
        # Imported here, not at the top: both import models, which load only after the apps.
        from giaoban.collection.panels import register_entry_panel
        from giaoban.meetings.services import tasks_for_unit

        register_entry_panel("meetings", lambda unit, period: {"tasks": tasks_for_unit(unit, period)})
