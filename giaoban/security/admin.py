from django.contrib import admin

from giaoban.security.models import SingleSignOnGrant


@admin.register(SingleSignOnGrant)
class SingleSignOnGrantAdmin(admin.ModelAdmin):
    list_display = ("identifier", "unit", "role")
    list_filter = ("role",)
    search_fields = ("identifier", "unit__name", "unit__code")
    autocomplete_fields = ("unit",)
