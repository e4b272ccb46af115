import io

import docx

from giaoban.reports.news import build_news, count_words, write_news_docx
from giaoban.reports.synthetic import build_synthetic_model


def test_news_draft_length_and_content():
    model = build_synthetic_model()
    draft = build_news(model)
    assert 300 <= draft.word_count <= 600, draft.word_count
    text = draft.text
    assert draft.title.startswith("Lai Châu: Giao ban công tác quý III năm 2023")
    assert "Ngày 10/10/2023" in text
    assert "đồng chí Nguyễn Văn An - Phó Bí thư Thường trực Tỉnh ủy" in text
    assert "29.774 lượt người" in text and "Hội LHPN các cấp" in text
    for subject in ("Ủy ban MTTQ các cấp", "Công đoàn các cấp", "bộ Đoàn", "Hội Nông dân các cấp", "Hội Cựu chiến binh các cấp"):
        assert subject in text
    assert "quý IV năm 2023" in text
    assert "quản lý hiệu quả nguồn vốn ủy thác" in text


def test_news_draft_stays_within_bounds_without_a_meeting():
    model = build_synthetic_model()
    model.meeting = None
    draft = build_news(model)
    assert 300 <= draft.word_count <= 600 or draft.word_count < 300 and "Bản thảo" in draft.text


def test_news_docx_holds_the_same_text():
    draft = build_news(build_synthetic_model())
    doc = docx.Document(io.BytesIO(write_news_docx(draft)))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == draft.title
    assert texts[1:] == draft.paragraphs
    assert count_words("\n".join(texts)) == draft.word_count
