from django.contrib import admin

from giaoban.dhis2.models import Dhis2Mapping


@admin.register(Dhis2Mapping)
class Dhis2MappingAdmin(admin.ModelAdmin):
    list_display = ["kind", "code", "dhis2_id"]
    list_filter = ["kind"]
    search_fields = ["code", "dhis2_id"]
