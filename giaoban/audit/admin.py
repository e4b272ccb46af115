from django.contrib import admin

from giaoban.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "object_type", "object_id", "field", "old_value", "new_value"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "field", "reason"]
    date_hierarchy = "at"

    # The trail is append-only, also for administrators.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
