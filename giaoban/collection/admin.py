from django.contrib import admin

from giaoban.collection.models import DataValue, Membership, Report, Target


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__organization"]
    search_fields = ["user__username", "unit__name"]
    autocomplete_fields = ["unit"]


class DataValueInline(admin.TabularInline):
    model = DataValue
    extra = 0
    fields = ["indicator", "value", "qualifier", "source", "comment"]
    readonly_fields = ["indicator", "value", "qualifier", "source", "comment"]
    can_delete = False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "period", "status", "submitted_at", "approved_at"]
    list_filter = ["status", "period", "unit__organization"]
    search_fields = ["unit__name", "period"]
    readonly_fields = ["version", "submitted_at", "submitted_by", "approved_at", "approved_by"]
    autocomplete_fields = ["unit"]
    inlines = [DataValueInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["unit", "indicator", "year", "value"]
    list_filter = ["year", "unit__organization"]
    search_fields = ["unit__name", "indicator__code"]
    autocomplete_fields = ["unit", "indicator"]


from giaoban.collection.models import Attachment, Deadline, Reminder, ValidationRule  # noqa: E402


@admin.register(ValidationRule)
class ValidationRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "indicator", "operator", "other_indicator", "min_value", "max_value", "factor", "severity", "is_active"]
    list_filter = ["kind", "severity", "is_active"]
    search_fields = ["code", "name", "indicator__code", "indicator__name"]
    autocomplete_fields = ["indicator", "other_indicator"]
    filter_horizontal = ["organizations"]


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["period", "organization", "due_date", "note"]
    list_filter = ["organization"]
    search_fields = ["period"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "report", "size", "uploaded_by", "uploaded_at", "deleted_at"]
    readonly_fields = ["report", "file", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]

    def has_delete_permission(self, request, obj=None):
        return False  # soft delete only (set 'đã gỡ lúc')


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "period", "created_at", "emailed", "read_at"]
    list_filter = ["period", "emailed"]
