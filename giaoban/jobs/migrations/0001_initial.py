# The Job model moved from giaoban.web: its table (web_job) and rows stay where they are; only
# Django's idea of which app owns it changes.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("web", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Job",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("kind", models.CharField(max_length=40, verbose_name="loại việc")),
                        ("title", models.CharField(max_length=255, verbose_name="tên việc")),
                        ("status", models.CharField(choices=[("queued", "Đang chờ"), ("running", "Đang chạy"), ("done", "Xong"), ("failed", "Lỗi")], default="queued", max_length=10, verbose_name="trạng thái")),
                        ("done", models.PositiveIntegerField(default=0, verbose_name="đã xong")),
                        ("total", models.PositiveIntegerField(default=0, verbose_name="tổng")),
                        ("message", models.TextField(blank=True, verbose_name="thông báo")),
                        ("result_url", models.CharField(blank=True, max_length=500, verbose_name="kết quả")),
                        ("result_file", models.FileField(blank=True, upload_to="jobs/%Y/%m/", verbose_name="tệp kết quả")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="jobs", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "việc chạy nền",
                        "verbose_name_plural": "việc chạy nền",
                        "ordering": ["-created_at"],
                        "db_table": "web_job",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
