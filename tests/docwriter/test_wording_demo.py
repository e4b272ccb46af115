"""The prose written from the demo catalogue's real indicator names reads naturally.

The model is built from the indicator catalogue (giaoban/textfigures/catalogue.json: names, unit
nouns, value types) and the demo's anchor figures (giaoban/demo/data/figures.json), so a new or renamed indicator shows up here as soon as its
sentence goes wrong. Checked per organization paragraph: no connector twice, no raw codes,
no number without its classifier, no word doubled, no unit noun repeated right after the figure.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from giaoban.docwriter.model import IndicatorRow, OrgSection, ReportModel
from giaoban.docwriter.writing import Chooser, compose, load_phrasing, org_paragraphs, prose_rows

ROOT = Path(__file__).resolve().parents[2] / "giaoban"
CATALOGUE = ROOT / "textfigures" / "catalogue.json"
FIGURES = ROOT / "demo" / "data" / "figures.json"
CONNECTORS = ("Ngoài ra", "Đồng thời", "Bên cạnh đó", "Cùng với đó", "Song song với đó", "Mặt khác")
REDUPLICATIVES = {"song"}  # 'Song song với đó'
ORGS = ("mttq", "congdoan", "phunu", "doan", "nongdan", "ccb")
ORG_NAMES = {"mttq": "Ủy ban MTTQ", "congdoan": "Liên đoàn Lao động", "phunu": "Hội Liên hiệp Phụ nữ",
             "doan": "Đoàn TNCS Hồ Chí Minh", "nongdan": "Hội Nông dân", "ccb": "Hội Cựu chiến binh"}


def _catalogue() -> list[dict]:
    """The demo's indicators: catalogue entries that have demo figures, with those figures."""
    indicators = {i["code"]: i for i in json.loads(CATALOGUE.read_text(encoding="utf-8"))["indicators"]}
    figures = json.loads(FIGURES.read_text(encoding="utf-8"))
    return [{**indicators[code], "demo": demo} for code, demo in figures.items() if code in indicators]


def demo_model(period: str = "2023-Q3", growth: float = 1.06) -> ReportModel:
    sections = []
    for org in ORGS:
        rows = []
        for ind in sorted(_catalogue(), key=lambda i: i["sort_order"]):
            anchor = ind["demo"]["anchor"].get(org)
            if anchor is None:
                continue
            stock = ind["time_aggregation"] != "sum"
            value = anchor if ind["value_type"] in ("decimal", "percent") else int(anchor)
            rows.append(IndicatorRow(
                code=ind["code"], name=ind["name"], unit=ind["unit"], value_type=ind["value_type"], value=value,
                year_to_date=value if stock else value * 3, target=value * (1.1 if stock else 4.2),
                same_period_last_year=value / growth, stock=stock, field=ind.get("section", ""),
            ))
        sections.append(OrgSection(org, ORG_NAMES[org], rows))
    return ReportModel(period_code=period, period_label="quý III năm 2023", area_name="tỉnh Lai Châu",
                       report_date=dt.date(2023, 10, 5), sections=sections)


def org_texts(model, phrasing=None):
    phrasing = phrasing or load_phrasing()
    chooser = Chooser()
    return {s.org_code: org_paragraphs(model, s, phrasing, chooser) for s in model.sections}


@pytest.fixture(scope="module")
def texts():
    return org_texts(demo_model())


def test_every_figure_chosen_for_the_prose_is_written_about(texts):
    """Each organization's paragraph tells its standout figures (the table holds them all)."""
    model = demo_model()
    phrasing = load_phrasing()
    assert len(texts) == 6
    for section in model.sections:
        prose = " ".join(texts[section.org_code])
        chosen = prose_rows(model, section, phrasing)
        assert len([r for r in chosen if r.value_type == "integer"]) >= 3
        for row in chosen:
            # each figure appears, in the Vietnamese format (a dot groups thousands)
            number = f"{int(row.value):,}".replace(",", ".") if row.value_type == "integer" else None
            if number:
                assert number in prose, (section.org_code, row.code)


@pytest.mark.parametrize("org", ORGS)
def test_no_connector_twice_in_a_paragraph(texts, org):
    for paragraph in texts[org]:
        for connector in CONNECTORS:
            assert paragraph.count(connector + ",") <= 1, (org, connector, paragraph)


@pytest.mark.parametrize("org", ORGS)
def test_paragraphs_read_naturally(texts, org):
    codes = {i["code"] for i in _catalogue()}
    for paragraph in texts[org]:
        assert not any(code in paragraph for code in codes if "_" in code), paragraph  # no raw codes
        assert "_" not in paragraph and "{" not in paragraph and "}" not in paragraph
        assert "  " not in paragraph and " ," not in paragraph and " ." not in paragraph and ",," not in paragraph
        # No figure left without its classifier: '… phát triển mới 210, lũy kế…'. Years and
        # percentages aside, a count is followed by a word.
        bare = re.findall(r"(?<!năm )(?<![\d.,])\d[\d.]*(?:,\d+)?(?=[,;.](?:\s|$))", paragraph)
        assert not bare, (bare, paragraph)
        # No word doubled ('mới mới') and no unit repeated next to its figure
        # ('8.256 đoàn viên lượt đoàn viên', '21.400 hội viên tổng số hội viên').
        words = paragraph.split()
        doubled = [a for a, b in zip(words, words[1:]) if a.lower() == b.lower() and a.isalpha()]
        assert not [w for w in doubled if w.lower() not in REDUPLICATIVES], paragraph
        for row in demo_model().section(org).rows:
            if row.value_type != "integer":
                continue
            figure = f"{int(row.value):,}".replace(",", ".") + " " + row.unit
            again = re.search(re.escape(figure) + r"[^,;.\d]{0,25}?\b" + re.escape(row.unit) + r"\b", paragraph)
            assert not again, (again and again.group(0), paragraph)
        # Every sentence's subject is followed by a verb, not by an indicator's name.
        assert not re.search(r"các cấp (?:Hội [A-ZĐ]\w+(?: \w+)? |công đoàn |bộ Đoàn )?(?:tỷ lệ|tổng số|trị giá|kinh phí|nợ quá hạn)",
                             paragraph), paragraph


def test_no_paragraph_of_a_single_short_sentence(texts):
    for org, paragraphs in texts.items():
        figures = paragraphs[:-1] if len(paragraphs) > 1 else paragraphs  # the last may be the targets remark
        for paragraph in figures:
            assert paragraph.count(". ") >= 1 or len(paragraph) > 200, (org, paragraph)


def test_the_same_report_reads_the_same_every_time():
    first = [b.text for b in compose(demo_model(), charts=False)]
    second = [b.text for b in compose(demo_model(), charts=False)]
    assert first == second
