"""Lai Châu's administrative units before and after the 1 July 2025 reorganization.

The facts (names, GSO codes, the mapping of Resolution 1670/NQ-UBTVQH15) are copied into
data/ beside this file so the project runs without the shared folder. Plain Python; org's
restructuring list (lai_chau.py) and the demo both read it.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
REFORM_DATE = datetime.date(2025, 7, 1)
OLD_COMMUNES_FROM = datetime.date(2020, 2, 1)  # NQ 866/NQ-UBTVQH14 gave the 106-unit layout
PROVINCE = {"code": "12", "name": "Lai Châu"}
DISTRICT_KINDS = {"Thành phố Lai Châu": ("thanh_pho", "Lai Châu")}


@dataclass(frozen=True)
class District:
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class OldCommune:
    code: str
    name: str
    kind: str
    district_code: str
    new_unit: str


@dataclass
class NewCommune:
    code: str
    name: str
    kind: str
    predecessor_codes: list[str] = field(default_factory=list)


KIND_CODES = {"xã": "xa", "phường": "phuong", "thị trấn": "thi_tran"}


def load() -> tuple[list[District], list[OldCommune], list[NewCommune]]:
    districts: dict[str, District] = {}
    old: list[OldCommune] = []
    with open(DATA_DIR / "lai_chau_before_2025.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kind, name = DISTRICT_KINDS.get(row["district"], ("huyen", row["district"]))
            districts.setdefault(row["district_code"], District(row["district_code"], name, kind))
            old.append(OldCommune(row["gso_code"], row["commune"], KIND_CODES[row["kind"]], row["district_code"], row["new_unit_2025"]))
    new: list[NewCommune] = []
    with open(DATA_DIR / "lai_chau_after_2025.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            new.append(NewCommune(row["new_code"], row["new_unit"], KIND_CODES[row["kind"]], row["predecessor_gso_codes"].split(";")))
    return sorted(districts.values(), key=lambda d: d.code), old, new
