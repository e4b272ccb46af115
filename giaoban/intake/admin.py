from django.contrib import admin

from giaoban.intake.models import ExtractionSession


@admin.register(ExtractionSession)
class ExtractionSessionAdmin(admin.ModelAdmin):
    """Read-only: sessions are the record of what was uploaded and decided."""

    list_display = ("original_name", "unit", "period", "status", "user", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("original_name", "unit__name")
    readonly_fields = [f.name for f in ExtractionSession._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
