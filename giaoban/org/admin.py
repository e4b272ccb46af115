from django.contrib import admin

from giaoban.org.models import (Area, AreaSuccession, ChangeBatch, Indicator, Organization, OrganizationVersion,
                                ReportingSchedule, Unit, UnitSuccession)


class OrganizationVersionInline(admin.TabularInline):
    model = OrganizationVersion
    fk_name = "organization"
    extra = 0
    verbose_name = "tên và quan hệ theo thời gian"
    verbose_name_plural = "tên và quan hệ theo thời gian"


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name", "name", "sort_order"]
    inlines = [OrganizationVersionInline]


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "frequency", "organization", "unit_level", "deadline_days", "is_active"]
    list_filter = ["frequency", "unit_level", "is_active"]
    filter_horizontal = ["indicators"]


class AreaSuccessionInline(admin.TabularInline):
    model = AreaSuccession
    fk_name = "successor"
    extra = 0
    autocomplete_fields = ["predecessor"]
    verbose_name = "địa bàn trước đây"
    verbose_name_plural = "các địa bàn trước đây"


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    inlines = [AreaSuccessionInline]


class UnitSuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "successor"
    extra = 0
    autocomplete_fields = ["predecessor"]
    verbose_name = "đơn vị trước đây"
    verbose_name_plural = "các đơn vị trước đây"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "organization", "level", "area", "valid_from", "valid_to"]
    list_filter = ["organization", "level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "area", "served_areas"]
    inlines = [UnitSuccessionInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_noun", "value_type", "unit_aggregation", "time_aggregation", "is_active"]
    list_filter = ["organizations", "value_type", "time_aggregation", "is_active"]
    search_fields = ["code", "name"]
    filter_horizontal = ["organizations"]


@admin.register(ChangeBatch)
class ChangeBatchAdmin(admin.ModelAdmin):
    """Read-only here: batches are applied, confirmed and reverted from the restructuring pages."""

    list_display = ["id", "title", "status", "created_by", "created_at", "applied_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ChangeBatch._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
