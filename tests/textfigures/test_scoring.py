"""The project's scorer: the counts behind each figure it prints."""

from giaoban.textfigures.scoring import FigureTally, MeetingTally, score_figures, split_of, task_found


def _fig(start, end, value, org=None, orgs=None, qualifier="exact", code="absent"):
    f = {"start": start, "end": end, "value": value, "org": org, "qualifier": qualifier}
    if orgs:
        f["orgs"] = orgs
    if code != "absent":
        f["indicator_code"] = code
    return f


def test_detection_attribution_and_strict():
    gold = [_fig(0, 5, 10, "mttq", code="a"), _fig(10, 15, 20, orgs=["phunu", "ccb"], code=None),
            _fig(20, 25, 30, "doan")]
    pred = [_fig(1, 4, 10, "mttq"), _fig(10, 12, 20, orgs=["ccb", "phunu"]), _fig(20, 25, 31, "doan"),
            _fig(40, 45, 5, "doan")]
    s = score_figures([(gold, pred)])
    assert (s["matched"], s["gold"], s["predicted"]) == (2, 3, 4)
    assert s["attribution"] == 1.0
    assert s["detection_f1"] == round(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3), 4)


def test_wrong_org_or_qualifier_is_not_strict():
    gold = [_fig(0, 5, 10, "mttq"), _fig(10, 15, 20, "ccb", qualifier="over")]
    pred = [_fig(0, 5, 10, "phunu"), _fig(10, 15, 20, "ccb")]
    s = score_figures([(gold, pred)])
    assert s["detection_f1"] == 1.0 and s["strict_f1"] == 0.0 and s["attribution"] == 0.5


def test_indicator_right_and_false_code():
    gold = [_fig(0, 5, 1, code="ket_nap_moi"), _fig(10, 15, 2, code="ket_nap_moi"), _fig(20, 25, 3, code=None),
            _fig(30, 35, 4, code=None), _fig(40, 45, 5)]  # the last carries no code annotation
    pred = [dict(_fig(0, 5, 1), indicator_code="ket_nap_moi"), dict(_fig(10, 15, 2), indicator_code="tong_hoi_vien"),
            dict(_fig(20, 25, 3), indicator_code="tong_hoi_vien"), dict(_fig(30, 35, 4), indicator_code=None),
            dict(_fig(40, 45, 5), indicator_code="x")]
    t = FigureTally()
    t.add(gold, pred)
    s = t.summary()
    assert (s["indicator_right"], s["false_code"], s["with_code"], s["without_code"]) == (0.5, 0.5, 2, 2)


def test_meetings():
    gold = {"period": "2024-H1", "next_period": "2024-H2",
            "people": [{"name": "Nguyễn Văn An"}, {"name": "Lò Thị Hòa"}],
            "tasks": [{"text": "Hội Nông dân đẩy mạnh phong trào sản xuất, kinh doanh giỏi."},
                      {"text": "Đoàn Thanh niên tổ chức Tháng Thanh niên."}]}
    pred = {"period": "2024-H1", "next_period": "2024-H2",
            "people": [{"name": "Nguyễn Văn An"}, {"name": "Lò Thị Hoà"}, {"name": "Hồ Chí Minh"}],
            "tasks": [{"text": "Các cấp Hội Nông dân đẩy mạnh phong trào thi đua sản xuất, kinh doanh giỏi."}]}
    t = MeetingTally()
    t.add(gold, pred)
    s = t.summary()
    assert s["people_f1"] == round(2 * (2 / 3) * 1 / (2 / 3 + 1), 4)  # 'Hoà' and 'Hòa' are one name
    assert s["tasks_recall"] == 0.5 and s["next_period"] == "1/1"


def test_task_found_needs_most_words():
    assert not task_found("Hội Phụ nữ tổ chức hội thi nấu ăn.", ["Hội Nông dân tổ chức tập huấn."])


def test_split_is_fixed():
    assert [split_of(n) for n in ("a", "b", "c", "d")] == [split_of(n) for n in ("a", "b", "c", "d")]
    parts = [split_of(f"text_{i}") for i in range(1000)]
    assert 0.25 < parts.count("test") / 1000 < 0.35


def test_one_province_under_several_names_is_one_province():
    from giaoban.textfigures.scoring import province_name

    # Thừa Thiên Huế became the city of Huế in 2025 (a new name for the same unit).
    assert {province_name(n) for n in ("Huế", "Thừa Thiên Huế", "Thừa Thiên - Huế", "TP. Huế")} == {"Huế"}
    assert {province_name(n) for n in ("TP. Hồ Chí Minh", "TP.HCM", "TP HCM", "TPHCM", "Thành phố Hồ Chí Minh",
                                       "Hồ Chí Minh", "tp. hồ chí minh")} == {"TP. Hồ Chí Minh"}
    assert province_name("Thanh Hoá") == province_name("Thanh Hóa") == "Thanh Hóa"  # old tone placement
    assert province_name(" Bà Rịa – Vũng Tàu") == "Bà Rịa - Vũng Tàu"
    # A province merged into another in 2025 keeps its name for the texts dated before the merger.
    assert province_name("Bình Dương") == "Bình Dương"


def test_corpus_composition_counts_each_province_once():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "extraction.py"
    spec = importlib.util.spec_from_file_location("extraction_benchmark", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    provinces = bench.composition()["province"]
    assert "Huế" in provinces and "Thừa Thiên Huế" not in provinces
    assert not {"TP.HCM", "Hồ Chí Minh", "Thành phố Hồ Chí Minh"} & set(provinces)
