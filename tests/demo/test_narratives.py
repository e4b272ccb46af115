"""The demo units' narratives as an office reads them in the province's report."""

from giaoban.demo.narratives import unit_narrative

FIGURES = {"tuyen_truyen_buoi": 12, "tuyen_truyen_luot_nguoi": 640, "ket_nap_moi": 5}


def _narratives(period: str, reform_done: bool = False, n: int = 300) -> list[dict]:
    return [unit_narrative(org, f"Hội {i}", f"u{i}", period, "quý III năm 2023", FIGURES, reform_done)
            for i in range(n) for org in ("phunu", "nongdan", "ccb")]


def test_no_reform_task_before_the_reform_was_announced():
    """'chuẩn bị các điều kiện sắp xếp tổ chức bộ máy' belongs to the months before the 2025
    merger (from late 2024), not to a 2023 report."""
    assert not any("sắp xếp tổ chức bộ máy" in n["next_tasks"] for n in _narratives("2023-Q3"))
    assert any("sắp xếp tổ chức bộ máy" in n["next_tasks"] for n in _narratives("2025-Q1"))


def test_models_are_not_told_in_one_sentence_pattern():
    """'Đơn vị xây dựng và duy trì mô hình …, được hội viên hưởng ứng' in every unit that has a
    model made the province's 'cách làm nổi bật' five times the same sentence."""
    model_sentences = [s for n in _narratives("2023-Q3") for s in n["highlights"].split(". ") if "mô hình" in s]
    assert len(model_sentences) > 20
    openings = {" ".join(s.split()[:3]) for s in model_sentences}
    assert len(openings) >= 4, openings
