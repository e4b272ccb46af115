"""The report's issuer, place, date, signature and recipients come from the issuing unit as it
stood on the report's date, read back from the .docx."""

import datetime as dt
import io

import docx
import pytest

from giaoban.documents.gather import build_report_model
from giaoban.docwriter.docx import write_report_docx
from tests.org.factories import make_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = make_tree(orgs=("mttq", "phunu"))
    unit = tree.units["mttq", "P"]
    unit.signer_name = "Lường Văn Chung"
    unit.save()
    return tree


def first_page(model):
    doc = docx.Document(io.BytesIO(write_report_docx(model, charts=False)))
    left, right = doc.tables[0].rows[0].cells
    sign_left, sign_right = doc.tables[-1].rows[0].cells
    return ([p.text for p in left.paragraphs if p.text], [p.text for p in right.paragraphs if p.text],
            [p.text for p in sign_left.paragraphs if p.text], [p.text for p in sign_right.paragraphs if p.text],
            [p.text for p in doc.paragraphs if p.text])


def test_province_report_is_the_front_standing_board_s_dated_on_the_deadline(tree):
    model = build_report_model("2023-Q3", "P")
    assert model.report_date == dt.date(2023, 9, 20)  # the quarter's reporting deadline, not today
    left, right, recipients, signature, body = first_page(model)
    assert left[:3] == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH THỬ NGHIỆM", "BAN THƯỜNG TRỰC"]
    assert left[3].endswith("/BC-MTTQ-BTT")
    assert right[-1] == "Thử Nghiệm, ngày 20 tháng 9 năm 2023"
    assert "- Ban Dân vận Tỉnh ủy (b/c);" in recipients
    assert signature[:2] == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"] and signature[-1] == "Lường Văn Chung"


def test_after_the_merger_the_copy_goes_to_the_merged_commission(tree):
    _left, _right, recipients, _sig, _body = first_page(build_report_model("2025-Q3", "P"))
    assert "- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);" in recipients
    assert not any(r.startswith("- Ban Dân vận") for r in recipients)


def test_commune_report_is_the_commune_s(tree):
    model = build_report_model("2023-Q3", "C1")
    left, right, recipients, signature, _body = first_page(model)
    assert left[:3] == ["ỦY BAN MTTQ VIỆT NAM", "XÃ AN", "BAN THƯỜNG TRỰC"]
    assert right[-1].startswith("An, ngày ")
    assert "- Ban Thường trực Ủy ban MTTQ huyện Một (b/c);" in recipients
    assert not any("TỈNH" in line for line in left)


@pytest.mark.parametrize("area,board", [("P", "TM. BAN THƯỜNG VỤ"), ("C1", "TM. BAN CHẤP HÀNH")])
def test_an_organization_s_report_is_issued_and_signed_by_it(tree, area, board):
    model = build_report_model("2023-Q3", area, "phunu")
    left, _right, _recipients, signature, body = first_page(model)
    unit = tree.units["phunu", area]
    assert unit.name.upper() in [line.replace("\u00a0", " ") for line in left]  # the place joined by no-break spaces
    assert "ỦY BAN MTTQ VIỆT NAM" not in left
    assert signature[0] == board
    summary = body[body.index("BÁO CÁO") + 1]
    assert unit.name in summary and "Mặt trận Tổ quốc và các tổ chức" not in summary
    assert "TM. BAN THƯỜNG TRỰC" not in signature


def test_an_explicit_date_is_kept_and_the_default_never_passes_the_deadline(tree):
    assert build_report_model("2023-Q3", "P", report_date=dt.date(2023, 9, 18)).report_date == dt.date(2023, 9, 18)
    model = build_report_model("2023-Q3", "P")
    assert model.report_date <= dt.date(2023, 9, 20)
