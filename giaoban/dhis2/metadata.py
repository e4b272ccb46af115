"""DHIS2 metadata derived from giaoban's own model (Django side), as full dicts for
`giaoban.dhis2.query.listing`.

- organisationUnits: the units (each version of a unit is one DHIS2 organisation unit; a closed
  version keeps its id and shows its closedDate), with levels, parents, children, ancestors and
  DHIS2 paths (/rootId/…/ownId);
- dataElements: the indicators; dataSets: one per organization (its indicators, its units,
  reported quarterly);
- the default category combination and option combination (DHIS2's fixed ids).

An id is the one in the Dhis2Mapping table when an administrator tied the code to another DHIS2
instance's id, otherwise the row's own uid (giaoban.core.uids).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings

from giaoban.dhis2.models import Dhis2Mapping
from giaoban.collection import access
from giaoban.core.uids import make_uid
from giaoban.dhis2.service import dataset_uid
from giaoban.org.models import Indicator, Organization, Unit

DEFAULT_COC = "HllvX50cXC0"  # DHIS2's built-in default category option combo (same on every instance)
DEFAULT_CATEGORY_COMBO = "bjDvmb4bfuf"
DEFAULT_CATEGORY = "GLevLNI9wkl"
DEFAULT_CATEGORY_OPTION = "xYerKDKCefk"
SERVER_VERSION = "2.41.0"  # the DHIS2 API version this facade follows

_VALUE_TYPES = {"integer": "INTEGER", "decimal": "NUMBER", "money": "NUMBER", "percent": "PERCENTAGE"}


def _date(d: datetime.date | None) -> str | None:
    return f"{d.isoformat()}T00:00:00.000" if d else None


def _explicit(kind: str) -> dict[str, str]:
    return dict(Dhis2Mapping.objects.filter(kind=kind).values_list("code", "dhis2_id"))


def _ref(ident: str, name: str | None = None) -> dict:
    return {"id": ident} if name is None else {"id": ident, "name": name, "displayName": name}


def organisation_units(user) -> list[dict]:
    mapped = _explicit("unit")
    qs = Unit.objects.select_related("organization").order_by("path")
    if not getattr(user, "is_superuser", False):
        qs = qs.filter(pk__in=access.viewable_units(user))
    rows = list(qs.values("pk", "uid", "code", "name", "level", "path", "parent_id", "valid_from", "valid_to",
                          "organization__code", "organization__short_name"))
    # Ancestors outside the user's view still name the path (ids only).
    all_ids = dict(Unit.objects.values_list("pk", "uid"))
    all_codes = dict(Unit.objects.values_list("pk", "code"))
    names = {r["pk"]: r["name"] for r in rows}

    def ident(pk: int) -> str:
        return mapped.get(all_codes.get(pk, ""), "") or all_ids.get(pk) or make_uid("unit", all_codes.get(pk), pk)

    children: dict[int, list[int]] = defaultdict(list)
    for r in rows:
        if r["parent_id"]:
            children[r["parent_id"]].append(r["pk"])
    out = []
    for r in rows:
        chain = [int(x) for x in r["path"].strip("/").split("/") if x] or [r["pk"]]
        own = ident(r["pk"])
        out.append({
            "id": own,
            "code": r["code"],
            "name": r["name"],
            "displayName": r["name"],
            "shortName": r["name"][:50],
            "displayShortName": r["name"][:50],
            "level": len(chain),
            "path": "/" + "/".join(ident(pk) for pk in chain),
            "parent": _ref(ident(r["parent_id"]), names.get(r["parent_id"])) if r["parent_id"] else None,
            "children": [_ref(ident(c), names.get(c)) for c in children.get(r["pk"], [])],
            "ancestors": [_ref(ident(pk), names.get(pk)) for pk in chain[:-1]],
            "openingDate": _date(r["valid_from"]),
            "closedDate": _date(r["valid_to"]),
            "leaf": not children.get(r["pk"]),
            "dataSets": [{"id": dataset_uid(r["organization__code"])}],
            "attributeValues": [],
            "translations": [],
        })
        if out[-1]["parent"] is None:
            del out[-1]["parent"]
        if out[-1]["closedDate"] is None:
            del out[-1]["closedDate"]
    return out


_LEVEL_NAMES = dict(Unit.Level.choices)


def organisation_unit_levels(units: list[dict]) -> list[dict]:
    depths = sorted({u["level"] for u in units}) or [1]
    return [{"id": make_uid("orgunitlevel", n), "level": n, "name": _LEVEL_NAMES.get(n, f"Cấp {n}"),
             "displayName": _LEVEL_NAMES.get(n, f"Cấp {n}")} for n in range(1, depths[-1] + 1)]


def _aggregation_type(ind: Indicator) -> str:
    if ind.time_aggregation == Indicator.TimeAggregation.LAST:
        return "LAST"
    if ind.unit_aggregation == Indicator.UnitAggregation.AVERAGE or ind.time_aggregation == Indicator.TimeAggregation.AVERAGE:
        return "AVERAGE"
    if ind.unit_aggregation == Indicator.UnitAggregation.NONE:
        return "NONE"
    return "SUM"


def data_elements() -> list[dict]:
    mapped = _explicit("indicator")
    out = []
    for ind in Indicator.objects.prefetch_related("organizations").order_by("sort_order", "code"):
        ident = mapped.get(ind.code) or ind.uid or make_uid("indicator", ind.code)
        out.append({
            "id": ident, "code": ind.code, "name": ind.name, "displayName": ind.name,
            "shortName": ind.name[:50], "displayShortName": ind.name[:50], "formName": ind.name,
            "description": ind.description, "valueType": _VALUE_TYPES.get(ind.value_type, "NUMBER"),
            "aggregationType": _aggregation_type(ind), "domainType": "AGGREGATE", "zeroIsSignificant": True,
            "categoryCombo": _ref(DEFAULT_CATEGORY_COMBO, "default"),
            "dataSetElements": [{"dataSet": {"id": dataset_uid(o.code)}, "dataElement": {"id": ident}}
                                for o in sorted(ind.organizations.all(), key=lambda o: o.code)],
            "attributeValues": [], "translations": [],
        })
    return out


def data_sets(units: list[dict], elements: list[dict]) -> list[dict]:
    by_org: dict[str, list[dict]] = defaultdict(list)
    for u in units:
        by_org[u["dataSets"][0]["id"]].append({"id": u["id"]})
    out = []
    for org in Organization.objects.order_by("sort_order", "code"):
        ident = dataset_uid(org.code)
        members = [e for e in elements if any(d["dataSet"]["id"] == ident for d in e["dataSetElements"])]
        name = f"Báo cáo định kỳ {org.short_name or org.name}"
        out.append({
            "id": ident, "code": org.code, "name": name, "displayName": name, "shortName": name[:50],
            "periodType": "Quarterly", "categoryCombo": _ref(DEFAULT_CATEGORY_COMBO, "default"),
            "dataSetElements": [{"dataSet": {"id": ident}, "dataElement": {"id": e["id"]}} for e in members],
            "organisationUnits": by_org.get(ident, []),
            "expiryDays": 0, "openFuturePeriods": 0, "timelyDays": 15,
        })
    return out


def category_option_combos() -> list[dict]:
    return [{"id": DEFAULT_COC, "code": "default", "name": "default", "displayName": "default", "ignoreApproval": False,
             "categoryCombo": _ref(DEFAULT_CATEGORY_COMBO, "default"), "categoryOptions": [{"id": DEFAULT_CATEGORY_OPTION}]}]


def category_combos() -> list[dict]:
    return [{"id": DEFAULT_CATEGORY_COMBO, "code": "default", "name": "default", "displayName": "default",
             "dataDimensionType": "DISAGGREGATION", "isDefault": True,
             "categories": [{"id": DEFAULT_CATEGORY}], "categoryOptionCombos": [{"id": DEFAULT_COC}]}]


def me(user) -> dict:
    """DHIS2's /api/me (id, username, names, organisation units, authorities) with giaoban's own
    fields beside them (full_name, is_superuser, memberships) for its own clients."""
    memberships = list(user.memberships.select_related("unit").order_by("unit__code", "role"))
    mapped = _explicit("unit")
    name = user.get_full_name() or user.get_username()
    roots: list[dict] = []
    tops = Unit.objects.filter(parent__isnull=True).order_by("path") if user.is_superuser else [m.unit for m in memberships]
    for unit in tops:
        ident = {"id": mapped.get(unit.code) or unit.uid}
        if ident["id"] and ident not in roots:
            roots.append(ident)
    return {
        "id": make_uid("user", user.pk, user.get_username()),
        "username": user.get_username(),
        "name": name, "displayName": name,
        "firstName": user.first_name or name, "surname": user.last_name or "",
        "email": user.email or None,
        "organisationUnits": roots, "dataViewOrganisationUnits": roots, "teiSearchOrganisationUnits": roots,
        "authorities": ["ALL"] if user.is_superuser else ["M_dhis-web-aggregate-data-entry"],
        "userRoles": [], "userGroups": [], "settings": {"keyUiLocale": settings.LANGUAGE_CODE},
        "full_name": user.get_full_name(), "is_superuser": user.is_superuser,
        "memberships": [{"unit": m.unit.code, "unit_name": m.unit.name, "role": m.role} for m in memberships],
    }


def system_info(base_url: str) -> dict:
    now = datetime.datetime.now().astimezone()
    return {
        "contextPath": base_url.rstrip("/"),
        "userAgent": "",
        "calendar": "iso8601",
        "dateFormat": "yyyy-mm-dd",
        "serverDate": now.strftime("%Y-%m-%dT%H:%M:%S.000"),
        "serverTimeZoneId": settings.TIME_ZONE,
        "serverTimeZoneDisplayName": settings.TIME_ZONE,
        "version": SERVER_VERSION,
        "revision": "giaoban",
        "buildTime": "2026-01-01T00:00:00.000",
        "systemName": "giaoban",
        "systemId": make_uid("system", settings.TIME_ZONE),
        "instanceBaseUrl": base_url.rstrip("/"),
        "emailConfigured": bool(getattr(settings, "EMAIL_HOST", "")),
        "isMetadataVersionEnabled": False,
        "databaseInfo": {"spatialSupport": False},
    }
