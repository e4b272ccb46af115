"""The mapping between our codes and DHIS2 identifiers (moved from giaoban.api, table kept)."""

from django.db import models


class Dhis2Mapping(models.Model):
    """Our code ↔ a DHIS2 UID or code. Without a row, our own code is used on both sides."""

    class Kind(models.TextChoices):
        INDICATOR = "indicator", "Chỉ tiêu (dataElement)"
        UNIT = "unit", "Đơn vị (orgUnit)"
        ORG = "org", "Tổ chức (attributeOptionCombo)"

    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    code = models.CharField("mã của hệ thống", max_length=60)
    dhis2_id = models.CharField("mã DHIS2 (UID hoặc code)", max_length=60)

    class Meta:
        db_table = "api_dhis2mapping"  # the table of its first home, giaoban.api: rows kept in the move
        verbose_name = "ánh xạ mã DHIS2"
        verbose_name_plural = "ánh xạ mã DHIS2"
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="dhis2mapping_code_unique"),
            models.UniqueConstraint(fields=["kind", "dhis2_id"], name="dhis2mapping_dhis2_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.code} ↔ {self.dhis2_id}"
