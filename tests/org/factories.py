"""Small hand-built trees for tests (reusable by other areas' tests).

    tree = make_tree()          # province P, districts D1 (C1, C2) and D2 (C3, C4), from 2020-01-01
    tree.areas["C1"]            # the Area row 'xã An'
    tree.units["mttq", "C1"]    # 'Ủy ban MTTQ xã An', under 'Ủy ban MTTQ huyện Một'

Codes are the area codes; unit codes are '<org>-<area code>'. Nothing is restructured:
tests make the changes they need with `succession(...)` or giaoban.org.operations.
"""

import datetime
from types import SimpleNamespace

from giaoban.org.lineage import build_tree
from giaoban.org.models import Area, AreaSuccession, Organization, Unit, UnitSuccession

START = datetime.date(2020, 1, 1)

AREAS = [
    # code, name, kind, parent code
    ("P", "Thử Nghiệm", Area.Kind.PROVINCE, None),
    ("D1", "Một", Area.Kind.DISTRICT, "P"),
    ("D2", "Hai", Area.Kind.DISTRICT, "P"),
    ("C1", "An", Area.Kind.COMMUNE, "D1"),
    ("C2", "Bình", Area.Kind.COMMUNE, "D1"),
    ("C3", "Cường", Area.Kind.COMMUNE, "D2"),
    ("C4", "Đông", Area.Kind.WARD, "D2"),
]
LEVELS = {Area.Kind.PROVINCE: 1, Area.Kind.DISTRICT: 2}
ORGS = {"mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQ", "Ủy ban MTTQ"), "phunu": ("Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội LHPN")}


def make_area(code, name, kind, parent=None, valid_from=START, valid_to=None, level=None) -> Area:
    return Area.objects.create(
        code=code, name=name, kind=kind, level=level or LEVELS.get(kind, 3), parent=parent,
        valid_from=valid_from, valid_to=valid_to,
    )


def unit_name(prefix: str, area: Area) -> str:
    full = area.full_name
    return f"{prefix} {full[:1].lower()}{full[1:]}"


def make_unit(org, area, parent=None, valid_from=None, valid_to=None, code=None, name=None) -> Unit:
    prefix = ORGS.get(org.code, (None, None, org.short_name))[2]
    return Unit.objects.create(
        organization=org, code=code or f"{org.code}-{area.code}", name=name or unit_name(prefix, area),
        level=area.level, area=area, parent=parent,
        valid_from=valid_from or area.valid_from, valid_to=valid_to if valid_to is not None else area.valid_to,
    )


def succession(predecessor, successor, date, share=1, kind="merge"):
    model = AreaSuccession if isinstance(predecessor, Area) else UnitSuccession
    return model.objects.create(predecessor=predecessor, successor=successor, effective_date=date, share=share, kind=kind)


def make_organization(code="mttq") -> Organization:
    name, short, _ = ORGS.get(code, (code, code, code))
    org, _ = Organization.objects.get_or_create(code=code, defaults={"name": name, "short_name": short})
    return org


def make_tree(orgs=("mttq",), start=START) -> SimpleNamespace:
    areas: dict[str, Area] = {}
    for code, name, kind, parent in AREAS:
        areas[code] = make_area(code, name, kind, areas.get(parent), valid_from=start)
    units: dict[tuple[str, str], Unit] = {}
    organizations = {}
    for org_code in orgs:
        org = organizations[org_code] = make_organization(org_code)
        for code, _, _, parent in AREAS:
            units[org_code, code] = make_unit(org, areas[code], units.get((org_code, parent)))
    return SimpleNamespace(areas=areas, units=units, orgs=organizations, start=start)


def tree_as_of(root_code: str, date: datetime.date, model=Area):
    """The tree under the row with `root_code` valid on `date` (lineage.build_tree), for asserting
    whole trees in tests."""
    return build_tree(model.objects.valid_on(date).get(code=root_code), date)
