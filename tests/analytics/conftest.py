"""A small hand-checked world for the engine.

Areas: province P; until 2025-06-30 district D under P with communes C1, C2, C3; from
2025-07-01 commune N (= C1 + C2, merge) and S1, S2 (C3 split 60/40) directly under P; from
2026-01-01 N is renamed M (a second change, to follow links back twice).
Units of 'phunu' mirror the areas (UP province, UD district, U1..U3, UN, US1, US2, UM);
'doan' has only a province unit DP.
"""

import datetime as dt
from decimal import Decimal

import pytest

from giaoban.collection.models import DataValue, Report, Target
from giaoban.org.models import Area, AreaSuccession, Indicator, Organization, Unit, UnitSuccession

REFORM = dt.date(2025, 7, 1)
END_OLD = dt.date(2025, 6, 30)
RENAME = dt.date(2026, 1, 1)


class World:
    def __init__(self):
        self.phunu = Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=1)
        self.doan = Organization.objects.create(code="doan", name="Đoàn TNCS Hồ Chí Minh", short_name="Đoàn", sort_order=2)
        A = Area.objects.create
        self.P = A(code="P", name="Thử Nghiệm", kind="tinh", level=1)
        self.D = A(code="D", name="Cũ", kind="huyen", level=2, parent=self.P, valid_to=END_OLD)
        self.C1 = A(code="C1", name="Một", kind="phuong", level=3, parent=self.D, valid_to=END_OLD)
        self.C2 = A(code="C2", name="Hai", kind="xa", level=3, parent=self.D, valid_to=END_OLD)
        self.C3 = A(code="C3", name="Ba", kind="phuong", level=3, parent=self.D, valid_to=END_OLD)
        self.N = A(code="N", name="Một", kind="phuong", level=3, parent=self.P, valid_from=REFORM, valid_to=RENAME - dt.timedelta(days=1))
        self.S1 = A(code="S1", name="Bốn", kind="xa", level=3, parent=self.P, valid_from=REFORM)
        self.S2 = A(code="S2", name="Năm", kind="xa", level=3, parent=self.P, valid_from=REFORM)
        self.M = A(code="M", name="Sáu", kind="phuong", level=3, parent=self.P, valid_from=RENAME)
        for pred, succ, share, when in [(self.C1, self.N, 1, REFORM), (self.C2, self.N, 1, REFORM),
                                        (self.C3, self.S1, Decimal("0.6"), REFORM), (self.C3, self.S2, Decimal("0.4"), REFORM),
                                        (self.N, self.M, 1, RENAME)]:
            AreaSuccession.objects.create(predecessor=pred, successor=succ, share=share, effective_date=when,
                                          kind="split" if share != 1 else "merge")
        U = Unit.objects.create
        o = self.phunu
        self.UP = U(organization=o, code="pn-P", name="Hội LHPN tỉnh Thử Nghiệm", level=1, area=self.P)
        self.DP = U(organization=self.doan, code="doan-P", name="Tỉnh đoàn Thử Nghiệm", level=1, area=self.P)
        self.UD = U(organization=o, code="pn-D", name="Hội LHPN huyện Cũ", level=2, area=self.D, parent=self.UP, valid_to=END_OLD)
        self.U1 = U(organization=o, code="pn-C1", name="Hội LHPN xã Một", level=3, area=self.C1, parent=self.UD, valid_to=END_OLD)
        self.U2 = U(organization=o, code="pn-C2", name="Hội LHPN xã Hai", level=3, area=self.C2, parent=self.UD, valid_to=END_OLD)
        self.U3 = U(organization=o, code="pn-C3", name="Hội LHPN phường Ba", level=3, area=self.C3, parent=self.UD, valid_to=END_OLD)
        self.UN = U(organization=o, code="pn-N", name="Hội LHPN phường Một", level=3, area=self.N, parent=self.UP,
                    valid_from=REFORM, valid_to=RENAME - dt.timedelta(days=1))
        self.US1 = U(organization=o, code="pn-S1", name="Hội LHPN xã Bốn", level=3, area=self.S1, parent=self.UP, valid_from=REFORM)
        self.US2 = U(organization=o, code="pn-S2", name="Hội LHPN xã Năm", level=3, area=self.S2, parent=self.UP, valid_from=REFORM)
        self.UM = U(organization=o, code="pn-M", name="Hội LHPN phường Sáu", level=3, area=self.M, parent=self.UP, valid_from=RENAME)
        for pred, succ, share in [(self.U1, self.UN, 1), (self.U2, self.UN, 1), (self.U3, self.US1, Decimal("0.6")),
                                  (self.U3, self.US2, Decimal("0.4"))]:
            UnitSuccession.objects.create(predecessor=pred, successor=succ, share=share, effective_date=REFORM)
        UnitSuccession.objects.create(predecessor=self.UN, successor=self.UM, share=1, effective_date=RENAME)
        I = Indicator.objects.create
        self.flow = I(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
        self.stock = I(code="du_no", name="Dư nợ ủy thác", unit_noun="đồng", value_type="money", time_aggregation="last")
        self.rate = I(code="ty_le", name="Tỷ lệ hộ nghèo", unit_noun="%", value_type="percent",
                      unit_aggregation="average", time_aggregation="average")
        self.parent_first = I(code="pf", name="Chỉ tiêu lấy số cấp trên", unit_noun="cuộc", parent_child_rule="parent_only")
        self.sum_all = I(code="sa", name="Chỉ tiêu cộng cả hai cấp", unit_noun="cuộc", parent_child_rule="parent_plus_children")
        for ind in (self.flow, self.stock, self.rate, self.parent_first, self.sum_all):
            ind.organizations.set([self.phunu, self.doan])

    def put(self, unit, period, values: dict, status="approved", qualifier="exact"):
        report, _ = Report.objects.get_or_create(unit=unit, period=period)
        for code, value in values.items():
            DataValue.objects.update_or_create(
                unit=unit, indicator=Indicator.objects.get(code=code), period=period,
                defaults={"report": report, "value": Decimal(str(value)), "qualifier": qualifier})
        report.status = status
        report.save()
        return report

    def target(self, unit, code, year, value):
        Target.objects.create(unit=unit, indicator=Indicator.objects.get(code=code), year=year, value=value)


@pytest.fixture
def world(db):
    return World()
