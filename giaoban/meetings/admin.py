from django.contrib import admin

from .models import Meeting, MeetingAttendee, MeetingDocument, Task, TaskProgress


class AttendeeInline(admin.TabularInline):
    model = MeetingAttendee
    extra = 0


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "date", "period", "status")
    list_filter = ("status", "period")
    inlines = [AttendeeInline, DocumentInline]


class ProgressInline(admin.TabularInline):
    model = TaskProgress
    extra = 0


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("__str__", "due_period", "status", "priority")
    list_filter = ("status", "due_period")
    raw_id_fields = ("meeting", "carried_from")
    filter_horizontal = ("units", "organizations")
    inlines = [ProgressInline]
