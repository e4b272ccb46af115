"""The collection tests' tiny tree (Hội LHPN tỉnh and xã A/B, MTTQ) and a fresh narrative
report written for these tests, as .txt and as .docx."""

from __future__ import annotations

import io

import pytest

from tests.collection.conftest import PASSWORD, PERIOD, build_tree, make_user  # noqa: F401

# Written for these tests (not from the seed): the Women's Union of commune A reports its quarter,
# and one sentence about the Youth Union, whose figures must be shown but not ticked.
# The union names itself in the clause of its first figures ('Hội LHPN xã tổ chức 12 buổi'), class
# 'sure-clause'; the figures after a comma ('thu hút 1.250 lượt người') are the union's too. No class
# reaches 0.98 on the corpus's test part (giaoban.textfigures.PRETICK_CLASSES is empty): the review
# page ticks none in advance, the reviewer ticks what is right.
REPORT_TEXT = (
    "HỘI LHPN XÃ A\n"
    "BÁO CÁO KẾT QUẢ CÔNG TÁC HỘI QUÝ III NĂM 2025\n"
    "Trong quý, Hội LHPN xã tổ chức 12 buổi tuyên truyền về phòng chống bạo lực gia đình, "
    "thu hút 1.250 lượt người tham dự. Hội LHPN xã kết nạp mới 35 hội viên, nâng tổng số hội viên lên 1.480 hội viên.\n"
    "Đoàn Thanh niên xã tổ chức 7 buổi sinh hoạt chuyên đề cho 300 đoàn viên."
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tree(db):
    return build_tree()


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
