from giaoban.docwriter import charts
from giaoban.docwriter.synthetic import build_synthetic_model


def test_same_function_gives_svg_and_png_with_vietnamese_labels():
    model = build_synthetic_model()
    series = [t for t in model.trends if t.org_code == "phunu"]
    svg = charts.trend_chart(series, fmt="svg").decode("utf-8")
    png = charts.trend_chart(series, fmt="png")
    assert png.startswith(b"\x89PNG")
    assert "<svg" in svg
    assert "Lượt người tham dự" in svg  # text stays text (svg.fonttype none): diacritics intact
    assert "29.774" in svg  # the last value, written the Vietnamese way


def test_progress_chart_marks_percent_the_vietnamese_way():
    model = build_synthetic_model()
    rows = model.section("phunu").rows
    svg = charts.progress_chart(rows, fmt="svg", pace=75).decode("utf-8")
    pct = rows[0].pct_achieved
    assert f"{pct:.1f}".replace(".", ",") + "%" in svg
    assert "tiến độ 75%" in svg
