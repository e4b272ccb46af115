"""The report model and the documents built from the database agree with the analytics engine."""

import datetime as dt
import io
from decimal import Decimal

import docx
import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client

from giaoban.analytics import engine
from giaoban.collection.models import DataValue, Report, Target
from giaoban.documents.gather import build_report_model, year_to_date
from giaoban.core.periods import Period
from giaoban.org.models import Indicator
from giaoban.docwriter.docx import write_report_docx
from giaoban.docwriter.vnformat import table_value
from giaoban.docwriter.xlsx import write_report_xlsx
from tests.org.factories import make_tree

pytestmark = pytest.mark.django_db

# (code, name, unit noun, value type, time aggregation)
INDICATORS = [
    ("buoi_tt", "Buổi tuyên truyền", "buổi", "integer", "sum"),
    ("luot_tt", "Lượt người tham dự", "lượt người", "integer", "sum"),
    ("du_no", "Dư nợ ủy thác", "đồng", "money", "last"),
]
# commune -> quarter -> values of (buoi_tt, luot_tt, du_no)
FIGURES = {
    "C1": {"2022-Q3": (100, 5000, 1_000_000_000), "2023-Q1": (80, 4000, 1_100_000_000),
           "2023-Q2": (90, 4200, 1_150_000_000), "2023-Q3": (300, 14774, 1_200_000_000)},
    "C3": {"2022-Q3": (200, 9000, 500_000_000), "2023-Q1": (20, 1000, 600_000_000),
           "2023-Q2": (10, 800, 650_000_000), "2023-Q3": (258, 15000, 700_000_000)},
}


@pytest.fixture
def tree():
    tree = make_tree(orgs=("phunu",))
    inds = {}
    for i, (code, name, unit, vtype, time_agg) in enumerate(INDICATORS):
        ind = Indicator.objects.create(code=code, name=name, unit_noun=unit, value_type=vtype, time_aggregation=time_agg, sort_order=i)
        ind.organizations.add(tree.orgs["phunu"])
        inds[code] = ind
    for area_code, quarters in FIGURES.items():
        unit = tree.units["phunu", area_code]
        for period, values in quarters.items():
            report = Report.objects.create(unit=unit, period=period, status=Report.Status.DRAFT,
                                           highlights=f"Kết quả của {unit.name} kỳ {period}",
                                           limitations="Địa bàn rộng, đi lại khó khăn")
            for (code, *_), value in zip(INDICATORS, values):
                DataValue.objects.create(report=report, unit=unit, indicator=inds[code], period=period, value=Decimal(value))
            report.status = Report.Status.APPROVED
            report.save()
    province = tree.units["phunu", "P"]
    Target.objects.create(unit=province, indicator=inds["buoi_tt"], year=2023, value=1000)
    Target.objects.create(unit=province, indicator=inds["du_no"], year=2023, value=2_000_000_000)
    return tree


def test_year_to_date_periods():
    assert year_to_date(Period.parse("2023-Q3")).code == "2023-9M"
    assert year_to_date(Period.parse("2023-Q1")).code == "2023-Q1"
    assert year_to_date(Period.parse("2023-Q4")).code == "2023"


def test_model_equals_the_engine(tree):
    model = build_report_model("2023-Q3", "P", report_date=dt.date(2023, 10, 5), narrative_levels=3)
    assert model.period_label == "quý III năm 2023"
    assert model.area_name == "tỉnh Thử Nghiệm"
    section = model.section("phunu")
    rows = {r.code: r for r in section.rows}
    engine_rows = {r.indicator: r for r in engine.query(None, "2023-Q3", area="P", org="phunu", by="indicator")}
    assert rows["buoi_tt"].value == engine_rows["buoi_tt"].value == 558
    assert rows["luot_tt"].value == 29774
    assert rows["buoi_tt"].same_period_last_year == 300
    assert rows["buoi_tt"].year_to_date == 558 + (80 + 20) + (90 + 10)  # 9 months
    assert rows["buoi_tt"].target == 1000
    assert rows["du_no"].value == 1_900_000_000  # a stock: the quarter's balance, not a sum over time
    assert rows["du_no"].year_to_date == 1_900_000_000
    assert rows["buoi_tt"].pct_achieved == pytest.approx(75.8)
    assert any(n.unit_name == "Hội LHPN xã An" and n.section == "han_che" for n in model.narratives)
    trend = next(t for t in model.trends if t.indicator_code == "buoi_tt")
    assert [p[0] for p in trend.points] == ["Q3/2022", "Q4/2022", "Q1/2023", "Q2/2023", "Q3/2023"]
    assert trend.points[-1][1] == 558 and trend.points[0][1] == 300
    assert {r.area_name for r in model.area_rows} == {"Huyện Một", "Huyện Hai"}
    assert not build_report_model("2023-Q3", "P", report_date=dt.date(2023, 10, 5)).narratives  # communes are 2 steps down


def test_documents_hold_the_database_figures(tree):
    model = build_report_model("2023-Q3", "P", report_date=dt.date(2023, 10, 5))
    document = docx.Document(io.BytesIO(write_report_docx(model, charts=False)))
    table = document.tables[1]
    cells = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert cells["Buổi tuyên truyền"][3] == "558"
    assert cells["Lượt người tham dự"][3] == "29.774"
    assert cells["Dư nợ ủy thác"][3] == table_value(1_900_000_000, "money") == "1.900"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Hội LHPN các cấp" in text and "29.774 lượt người" in text
    wb = openpyxl.load_workbook(io.BytesIO(write_report_xlsx(model)))
    ws = wb["Hội LHPN"]
    assert ws["D5"].value == 558 and ws["D6"].value == 29774


def test_report_command_writes_each_format(tree, tmp_path):
    for fmt in ("docx", "xlsx", "html", "news"):
        out = tmp_path / f"r.{fmt}"
        call_command("report", "2023-Q3", "--area", "P", "--format", fmt, "-o", str(out), "--no-charts", "--date", "2023-10-05")
        assert out.stat().st_size > 500
    assert "29.774" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_command_offers_no_party_layout(tree, tmp_path):
    """The Party layout ('ĐẢNG CỘNG SẢN VIỆT NAM' over an MTTQ body) is gone; the option that
    asked for it silently printed the state layout."""
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("report", "2023-Q3", "--area", "P", "--variant", "party", "-o", str(tmp_path / "r.docx"))


def test_report_command_names_a_wrong_area(tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không-Có"):
        call_command("report", "2023-Q3", "--area", "Không-Có")


def test_download_needs_a_role_at_or_above_the_area(tree, django_user_model):
    client = Client()
    outsider = django_user_model.objects.create_user("ngoai", password="mat-khau-123456")
    client.force_login(outsider)
    response = client.get("/documents/tai-ve/", {"period": "2023-Q3", "area": "P", "format": "xlsx"})
    assert response.status_code == 403
    admin = django_user_model.objects.create_user("quantri", password="mat-khau-123456", is_staff=True)
    client.force_login(admin)
    response = client.get("/documents/tai-ve/", {"period": "2023-Q3", "area": "P", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-P-2023-Q3.xlsx"'
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert wb["Hội LHPN"]["D5"].value == 558
    page = client.get("/documents/xem-truoc/", {"period": "2023-Q3", "area": "P", "charts": "0"})
    assert page.status_code == 200 and "558 buổi tuyên truyền" in page.content.decode()
    bad = client.get("/documents/tai-ve/", {"period": "2023-Q9", "area": "P"})
    assert bad.status_code == 400


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_download_holds_only_the_figures_in_the_users_scope(tree, django_user_model):
    from giaoban.collection.models import Membership
    from tests.org.factories import make_organization, make_unit

    mttq = make_organization("mttq")
    Indicator.objects.get(code="buoi_tt").organizations.add(mttq)
    province = make_unit(mttq, tree.areas["P"])
    district = make_unit(mttq, tree.areas["D1"], province)
    commune = make_unit(mttq, tree.areas["C1"], district)
    Report.objects.create(unit=district, period="2023-Q3", status=Report.Status.APPROVED,
                          highlights="Mặt trận huyện Một vận động 77 hộ hiến đất làm đường")
    report = Report.objects.create(unit=commune, period="2023-Q3", status=Report.Status.DRAFT)
    DataValue.objects.create(report=report, unit=commune, indicator=Indicator.objects.get(code="buoi_tt"),
                             period="2023-Q3", value=Decimal(4321))
    report.status = Report.Status.APPROVED
    report.save()
    params = {"period": "2023-Q3", "area": "P", "format": "docx"}
    client = Client()

    staff = django_user_model.objects.create_user("quantri2", password="mat-khau-123456", is_staff=True)
    client.force_login(staff)
    everything = _docx_text(client.get("/documents/tai-ve/", params).content)
    assert "4.321" in everything and "77 hộ hiến đất" in everything  # the Front's figures exist

    officer = django_user_model.objects.create_user("phunu-tinh", password="mat-khau-123456")
    Membership.objects.create(user=officer, unit=tree.units["phunu", "P"], role=Membership.Role.VIEW)
    client.force_login(officer)
    response = client.get("/documents/tai-ve/", params)
    assert response.status_code == 200
    text = _docx_text(response.content)
    assert "29.774" in text and "558" in text  # the women's union: all of it
    assert "4.321" not in text and "77 hộ hiến đất" not in text  # nothing of the Front
    assert "1. Hội Liên hiệp Phụ nữ" in text and "Ủy ban MTTQ các cấp" not in text  # no section for the Front
    preview = client.get("/documents/xem-truoc/", {"period": "2023-Q3", "area": "P", "charts": "0"}).content.decode()
    assert "558 buổi" in preview and "4.321" not in preview

    commune_officer = django_user_model.objects.create_user("phunu-xa", password="mat-khau-123456")
    Membership.objects.create(user=commune_officer, unit=tree.units["phunu", "C1"], role=Membership.Role.VIEW)
    client.force_login(commune_officer)
    assert client.get("/documents/tai-ve/", params).status_code == 403  # the province is above their unit
    wb = openpyxl.load_workbook(io.BytesIO(client.get("/documents/tai-ve/", {**params, "area": "C1", "format": "xlsx"}).content))
    assert wb.sheetnames and "MTTQ" not in wb.sheetnames
    assert wb["Hội LHPN"]["D5"].value == 300  # xã An's own figure


def test_previous_meeting_tasks_and_the_meeting_in_the_news(tree):
    from giaoban.meetings import services
    from giaoban.docwriter.news import build_news

    area = tree.areas["P"]
    earlier = services.create_meeting_draft(
        {"period": "2023-Q2", "date": "2023-07-06", "place": "Hội trường tỉnh", "organizations": ["phunu"],
         "people": [{"name": "Lò Văn Một", "position": "Phó Bí thư Tỉnh ủy", "role": "chair"}], "conclusions": ""},
        title="Giao ban quý II/2023", area=area)
    done, doing = services.confirm_tasks(earlier, [
        {"text": "Tổ chức tuyên truyền phòng, chống lũ quét ở các xã vùng cao.", "orgs": ["phunu"]},
        {"text": "Rà soát các tổ tiết kiệm và vay vốn hoạt động yếu.", "orgs": ["phunu"]},
    ])
    services.set_status(done, "done", note="Đã tổ chức ở 12 xã.", date=dt.date(2023, 9, 20))
    services.set_status(doing, "in_progress", date=dt.date(2023, 9, 25))
    meeting = services.create_meeting_draft(
        {"period": "2023-Q3", "date": "2023-10-10", "place": "Hội trường tỉnh", "organizations": ["phunu"],
         "people": [{"name": "Lò Văn Một", "position": "Phó Bí thư Tỉnh ủy", "role": "chair"},
                    {"name": "Vàng Thị Hai", "position": "Trưởng Ban Dân vận Tỉnh ủy", "role": "attendee"}],
         "conclusions": "Đề nghị các tổ chức hoàn thành chỉ tiêu kết nạp hội viên trước ngày 15/12."},
        title="Giao ban quý III/2023", area=area)
    services.confirm_tasks(meeting, [{"text": "Tổng kết công tác năm 2023.", "orgs": ["phunu"]}])

    model = build_report_model("2023-Q3", "P", report_date=dt.date(2023, 10, 5))
    tasks = {t.text: t for t in model.previous_tasks}
    assert set(tasks) == {done.text, doing.text}  # the earlier meeting's, not this one's
    assert tasks[done.text].status_label == "Hoàn thành" and tasks[done.text].note == "Đã tổ chức ở 12 xã."
    assert tasks[doing.text].status_label == "Đang thực hiện"
    assert tasks[done.text].orgs == ["Hội LHPN"]  # the organization once, not again as its province unit
    assert model.next_tasks == ["Tổng kết công tác năm 2023."]
    text = _docx_text(write_report_docx(model, charts=False))
    assert "Rà soát các tổ tiết kiệm và vay vốn hoạt động yếu (Hội LHPN): Đang thực hiện." in text
    assert "Hoàn thành; Đã tổ chức ở 12 xã." in text

    news = build_news(model).text
    assert "Vàng Thị Hai" in news and "Trưởng Ban Dân vận Tỉnh ủy" in news  # who attended
    assert "Lò Văn Một" in news  # who concluded
    assert "hoàn thành chỉ tiêu kết nạp hội viên trước ngày 15/12" in news  # the conclusions
    assert "Đề nghị các tổ chức" not in news and "đề nghị các cơ quan, đơn vị đề nghị" not in news.lower()
    assert "10/10/2023" in news  # the meeting's date
    assert "Tổng kết công tác năm 2023" in news or "tổng kết công tác năm 2023" in news

    without = build_news(build_report_model("2023-Q2", "P", report_date=dt.date(2023, 7, 5))).text
    assert "Vàng Thị Hai" not in without and "Lò Văn Một" in without  # Q2's meeting: its chair, no attendee list


def test_previews_show_only_the_tasks_the_reader_may_see(tree, django_user_model):
    """A meeting with no area: its tasks were in every area's preview, also for users who get a
    404 on the task itself (issue 20, finding 8)."""
    from giaoban.collection.models import Membership
    from giaoban.meetings import services
    from tests.org.factories import make_organization

    make_organization("mttq")
    meeting = services.create_meeting_draft({"period": "2023-Q2", "date": "2023-07-06", "organizations": ["mttq"],
                                             "people": [], "conclusions": ""}, title="Giao ban của Mặt trận")
    secret, = services.confirm_tasks(meeting, [{"text": "Rà soát nhân sự ban công tác Mặt trận khu dân cư.", "orgs": ["mttq"],
                                                "due_period": "2023-Q3"}])
    officer = django_user_model.objects.create_user("phunu-xa-xem", password="mat-khau-123456")
    Membership.objects.create(user=officer, unit=tree.units["phunu", "C1"], role=Membership.Role.VIEW)
    client = Client()
    client.force_login(officer)
    assert client.get(f"/meetings/nhiem-vu/{secret.pk}/").status_code == 404
    preview = client.get("/documents/xem-truoc/", {"period": "2023-Q3", "area": "C1", "charts": "0"})
    assert preview.status_code == 200
    assert "Rà soát nhân sự ban công tác Mặt trận" not in preview.content.decode()
    # the command line (no user) still writes every task
    assert secret.text in {t.text for t in build_report_model("2023-Q3", "C1").previous_tasks}
