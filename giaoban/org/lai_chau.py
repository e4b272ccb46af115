"""The official list of Lai Châu's 1 July 2025 changes (NQ 1670/NQ-UBTVQH15) in the import
format, built from the before/after tables in lai_chau_areas.

Regenerate data/lai_chau_2025_changes.csv with `python -m giaoban.org.lai_chau`; a test checks
that the shipped file equals what this builds.
"""

import csv
import io
from pathlib import Path

from giaoban.org import lai_chau_areas as areas

OUTPUT = Path(__file__).resolve().parent / "data" / "lai_chau_2025_changes.csv"
HEADER = ["mã cũ", "mã mới", "ngày hiệu lực", "loại", "tỷ lệ", "tên mới", "loại địa bàn mới", "mã cấp trên mới"]
KIND_WORDS = {code: word for word, code in areas.KIND_CODES.items()}


def rows() -> list[list[str]]:
    districts, old, new = areas.load()
    old_by_code = {c.code: c for c in old}
    date = areas.REFORM_DATE.isoformat()
    out = []
    for commune in new:
        single = commune.predecessor_codes == [commune.code]
        unchanged = single and old_by_code[commune.code].name == commune.name and old_by_code[commune.code].kind == commune.kind
        for pred in commune.predecessor_codes:
            # Mù Cả and Tà Tổng keep their territory: only their parent changes (district level abolished).
            out.append([pred, commune.code, date, "chuyển" if unchanged else "sáp nhập", "1", commune.name,
                        KIND_WORDS[commune.kind], areas.PROVINCE["code"]])
    for district in districts:
        out.append([district.code, "", date, "giải thể", "", "", "", ""])
    return out


def render() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows())
    return buffer.getvalue()


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"{OUTPUT}: {len(rows())} dòng")
