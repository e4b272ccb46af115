"""The issuing body of a report from the unit that issues it (plain Python).

The templates are in phrasing.json under "issuers" (per organization, per level: the parent body,
the body, the number symbol, the signature title, the recipients); the names come from the unit
tree as it stood on the report's date. The Party commission that receives a copy is 'Ban Dân vận'
before its merger and 'Ban Tuyên giáo và Dân vận' from it; the merger's date is the organization
tree's (org.identity.PARTY_COMMISSION_MERGED, given by the caller), the phrasing file holds only
the two names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Issuer


@dataclass
class IssuingUnit:
    org_code: str  # 'mttq', 'phunu' …
    level: str  # 'province', 'district', 'commune'
    area_name: str  # 'tỉnh Lai Châu', 'xã Bum Nưa'
    kind: str  # 'tỉnh', 'huyện', 'xã', 'phường'
    place: str  # 'Lai Châu', 'Bum Nưa'
    unit_name: str = ""  # 'Hội LHPN tỉnh Lai Châu'
    upper_name: str = ""  # the unit above in the organization's own line: 'Hội LHPN tỉnh Lai Châu'
    governing_body: str = ""  # the body above on the date (cơ quan chủ quản), upper case; default: upper_name
    party: str = ""  # the Party committee of the area: 'Tỉnh ủy', 'Huyện ủy Tam Đường', 'Đảng ủy xã Bum Nưa'
    signer_name: str = ""
    signer_title: str = ""  # 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'; empty: the template's (the head signs)


def _by_level(value, level: str):
    if isinstance(value, dict):
        return value.get(level, value.get("other", ""))
    return value


def party_commission(phrasing: dict, date: dt.date, merged: dt.date) -> str:
    """'Ban Dân vận' before the commissions merged on `merged`, 'Ban Tuyên giáo và Dân vận' from then."""
    words = phrasing.get("party_commission") or {}
    if date >= merged:
        return words.get("after", "Ban Tuyên giáo và Dân vận")
    return words.get("before", "Ban Dân vận")


def make_issuer(phrasing: dict, unit: IssuingUnit, date: dt.date, *, commission_merged: dt.date) -> Issuer:
    template = (phrasing.get("issuers") or {}).get(unit.org_code) or (phrasing.get("issuers") or {}).get("mttq") or {}
    level = unit.level
    fill = {
        "AREA": unit.area_name.upper(), "UNIT": unit.unit_name.upper(),
        "UPPER": (unit.governing_body or unit.upper_name).upper(),
        "area": unit.area_name, "kind": unit.kind, "upper": unit.upper_name, "party": unit.party, "ban": party_commission(phrasing, date, commission_merged),
    }

    def text(key: str) -> str:
        return str(_by_level(template.get(key, ""), level) or "").format(**fill)

    title = unit.signer_title.replace(" / ", "\n") if unit.signer_title else text("signer_title")
    recipients = [r.format(**fill) for r in _by_level(template.get("recipients", {}), level) or []]
    return Issuer(
        parent_body=text("parent_body"), body=text("body"), board=text("board"), symbol=text("symbol"),
        place=unit.place, signer_title=title, signer_name=unit.signer_name,
        recipients=[r for r in recipients if "{" not in r], variant=template.get("variant", "state"), org_code=unit.org_code,
    )
