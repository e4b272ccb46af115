from django.contrib import admin, messages

from giaoban.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created", "last_used", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["prefix", "created", "last_used"]
    autocomplete_fields = ["user"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token, raw = ApiToken.issue(obj.user, obj.name)
        obj.pk = token.pk
        messages.warning(request, f"Mã truy cập mới (chỉ hiện một lần, hãy lưu lại): {raw}")
