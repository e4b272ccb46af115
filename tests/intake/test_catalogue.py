"""The unit's catalogue as the engine reads it: what each indicator counts beyond its words."""

from __future__ import annotations

from giaoban.intake.service import catalogue_for
from giaoban.textfigures import default_catalogue, extract_text


def test_the_units_catalogue_keeps_what_each_indicator_counts(tree):
    entries = {e["code"]: e for e in catalogue_for(tree.units["phunu-a"])}
    shipped = {c["code"]: c for c in default_catalogue()}
    assert entries["tong_hoi_vien"]["time_aggregation"] == "last"
    assert entries["ket_nap_moi"]["time_aggregation"] == "sum"
    for code, entry in entries.items():
        for k in ("requires", "excludes", "excludes_sentence", "counts_change"):
            assert entry.get(k) == shipped[code].get(k), (code, k)


def test_the_units_catalogue_reads_a_total_raised_to_and_a_party_admission(tree):
    catalogue = catalogue_for(tree.units["phunu-a"])
    text = ("Hội LHPN xã kết nạp mới 35 hội viên, nâng tổng số hội viên lên 1.480 hội viên; "
            "12 hội viên được kết nạp vào Đảng.")
    codes = [f["indicator_code"] for f in extract_text(text, catalogue)["figures"]]
    assert codes == ["ket_nap_moi", "tong_hoi_vien", None]
