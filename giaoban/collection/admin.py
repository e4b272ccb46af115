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
