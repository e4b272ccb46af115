"""Lineage over successions: shares multiply along chains and add up over parallel paths."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.org import lineage
from giaoban.org.models import Area
from tests.org.factories import make_area, make_tree, make_unit, succession, tree_as_of

pytestmark = pytest.mark.django_db

D = datetime.date
SPLIT, MERGE = D(2021, 1, 1), D(2022, 1, 1)


def two_changes(tree):
    """2021: C1 split into C1a (0.4) and C1b (0.6). 2022: C1a and C2 merged into N."""
    a = tree.areas
    for code in ("C1",):
        a[code].valid_to = SPLIT - datetime.timedelta(days=1)
        a[code].save()
    c1a = make_area("C1a", "An Bắc", Area.Kind.COMMUNE, a["D1"], valid_from=SPLIT, valid_to=MERGE - datetime.timedelta(days=1))
    c1b = make_area("C1b", "An Nam", Area.Kind.COMMUNE, a["D1"], valid_from=SPLIT)
    succession(a["C1"], c1a, SPLIT, Decimal("0.4"), "split")
    succession(a["C1"], c1b, SPLIT, Decimal("0.6"), "split")
    a["C2"].valid_to = MERGE - datetime.timedelta(days=1)
    a["C2"].save()
    n = make_area("N", "Tân An", Area.Kind.COMMUNE, a["D1"], valid_from=MERGE)
    succession(c1a, n, MERGE)
    succession(a["C2"], n, MERGE)
    return c1a, c1b, n


def as_codes(found):
    return [(node.code, share) for node, share in found]


def test_predecessors_across_two_changes_multiply_shares():
    tree = make_tree()
    c1a, c1b, n = two_changes(tree)
    assert as_codes(lineage.predecessors_at(n, D(2020, 6, 30))) == [("C1", Decimal("0.4")), ("C2", Decimal(1))]
    assert as_codes(lineage.predecessors_at(n, D(2021, 6, 30))) == [("C1a", Decimal(1)), ("C2", Decimal(1))]
    assert as_codes(lineage.predecessors_at(n, D(2023, 1, 1))) == [("N", Decimal(1))]
    assert as_codes(lineage.predecessors_at(c1b, D(2020, 6, 30))) == [("C1", Decimal("0.6"))]
    # A value reconstructed for N in 2020 from hand-picked figures: 0.4 × 100 + 1 × 30.
    values = {"C1": Decimal(100), "C2": Decimal(30)}
    assert sum(share * values[node.code] for node, share in lineage.predecessors_at(n, D(2020, 6, 30))) == Decimal(70)


def test_successors_across_two_changes():
    tree = make_tree()
    c1a, c1b, n = two_changes(tree)
    assert as_codes(lineage.successors_at(tree.areas["C1"], D(2023, 1, 1))) == [("C1b", Decimal("0.6")), ("N", Decimal("0.4"))]
    assert as_codes(lineage.successors_at(tree.areas["C1"], D(2021, 3, 1))) == [("C1a", Decimal("0.4")), ("C1b", Decimal("0.6"))]
    assert as_codes(lineage.successors_at(tree.areas["C3"], D(2023, 1, 1))) == [("C3", Decimal(1))]
    # Before the row began there is nothing to follow forward.
    assert lineage.predecessors_at(tree.areas["C1"], D(2024, 1, 1)) == []


def test_parallel_paths_add_up():
    """Split then merged back together: the whole of the old commune."""
    tree = make_tree()
    c1a, c1b, n = two_changes(tree)
    later = D(2023, 1, 1)
    c1b.valid_to = later - datetime.timedelta(days=1)
    c1b.save()
    n.valid_to = later - datetime.timedelta(days=1)
    n.save()
    whole = make_area("W", "Hợp Nhất", Area.Kind.COMMUNE, tree.areas["D1"], valid_from=later)
    succession(c1b, whole, later)
    succession(n, whole, later)
    assert as_codes(lineage.predecessors_at(whole, D(2020, 6, 30))) == [("C1", Decimal(1)), ("C2", Decimal(1))]


def test_created_from_nothing_contributes_nothing():
    tree = make_tree()
    new = make_area("C9", "Mới", Area.Kind.COMMUNE, tree.areas["D1"], valid_from=D(2022, 1, 1))
    assert lineage.predecessors_at(new, D(2021, 1, 1)) == []


def test_bulk_lookup_costs_one_query_per_generation():
    tree = make_tree()
    c1a, c1b, n = two_changes(tree)
    with CaptureQueriesContext(connection) as ctx:
        found = lineage.predecessors_at(n, D(2020, 6, 30))
    assert len(ctx.captured_queries) == 2  # two generations back
    assert as_codes(found) == [("C1", Decimal("0.4")), ("C2", Decimal(1))]


def test_unit_lineage_uses_unit_successions():
    tree = make_tree()
    org = tree.orgs["mttq"]
    old = tree.units["mttq", "C1"]
    old.valid_to = D(2021, 12, 31)
    old.save()
    new_area = make_area("N", "Tân An", Area.Kind.COMMUNE, tree.areas["D1"], valid_from=MERGE)
    new = make_unit(org, new_area, tree.units["mttq", "D1"])
    succession(old, new, MERGE)
    assert as_codes(lineage.predecessors_at(new, D(2021, 6, 1))) == [("mttq-C1", Decimal(1))]


def test_cycle_in_data_is_reported():
    tree = make_tree()
    a = make_area("X1", "Vòng Một", Area.Kind.COMMUNE, tree.areas["D1"], valid_from=D(2030, 1, 1))
    b = make_area("X2", "Vòng Hai", Area.Kind.COMMUNE, tree.areas["D1"], valid_from=D(2030, 1, 1))
    succession(a, b, D(2030, 1, 1))
    succession(b, a, D(2030, 1, 1))
    with pytest.raises(ValueError, match="vòng lặp"):
        lineage.predecessors_at(a, D(2025, 1, 1))


def test_tree_as_of_shows_each_date_its_own_tree():
    tree = make_tree()
    c1a, c1b, n = two_changes(tree)
    before = tree_as_of("P", D(2020, 6, 30))
    assert [(node.code, depth) for node, depth in before.walk()] == [
        ("P", 0), ("D1", 1), ("C1", 2), ("C2", 2), ("D2", 1), ("C3", 2), ("C4", 2)]
    after = tree_as_of("P", D(2022, 6, 30))
    assert [node.code for node, _ in after.walk()] == ["P", "D1", "C1b", "N", "D2", "C3", "C4"]
    units = tree_as_of("mttq-P", D(2020, 6, 30), model=type(tree.units["mttq", "P"]))
    assert units.count() == 7


def test_resolve_by_code_and_name_with_or_without_kind():
    tree = make_tree()
    c4 = tree.areas["C4"]
    assert lineage.resolve_area("C4") == c4
    assert lineage.resolve_area("phường Đông") == c4
    assert lineage.resolve_area("Phường  ĐÔNG") == c4
    assert lineage.resolve_area("Đông") == c4
    assert lineage.resolve_area("huyện Một") == tree.areas["D1"]
    with pytest.raises(lineage.ResolveError, match="Không tìm thấy"):
        lineage.resolve_area("xã Đông")  # Đông is a phường
    # Vietnamese tone placement and NFD input.
    hoa = make_area("C5", "Thuận Hoà", Area.Kind.COMMUNE, tree.areas["D2"])
    import unicodedata
    assert lineage.resolve_area(unicodedata.normalize("NFD", "xã Thuận Hòa")) == hoa


def test_resolve_picks_the_version_valid_on_the_date_and_lists_ambiguity():
    tree = make_tree()
    old = tree.areas["C4"]
    old.valid_to = D(2025, 6, 30)
    old.save()
    # The code and the name are reused for a different territory, as in 2025.
    new = make_area("C4", "Đông", Area.Kind.WARD, tree.areas["P"], valid_from=D(2025, 7, 1))
    assert lineage.resolve_area("phường Đông", D(2024, 12, 31)) == old
    assert lineage.resolve_area("phường Đông", D(2026, 1, 1)) == new
    assert lineage.resolve_area("C4", D(2026, 1, 1)) == new
    with pytest.raises(lineage.ResolveError) as err:
        lineage.resolve_area("C4", D(2019, 1, 1))
    assert "khớp với 2 địa bàn" in str(err.value) and "01/07/2025" in str(err.value)
    # Same name, two kinds valid on the same date: the kind decides.
    xa = make_area("C6", "Đông", Area.Kind.COMMUNE, tree.areas["D1"])
    with pytest.raises(lineage.ResolveError) as err:
        lineage.resolve_area("Đông", D(2024, 1, 1))
    assert len(err.value.candidates) == 2 and "xã Đông (mã C6" in str(err.value)
    assert lineage.resolve_area("xã Đông", D(2024, 1, 1)) == xa
    # strict (analytics): one version only if it was valid on the date; an object passes through
    assert lineage.resolve_area("C6", D(2019, 1, 1)) == xa
    with pytest.raises(lineage.ResolveError, match="không có địa bàn nào có hiệu lực ngày 01/01/2019"):
        lineage.resolve_area("C6", D(2019, 1, 1), strict=True)
    assert lineage.resolve_area(xa, D(2019, 1, 1), strict=True) is xa


def test_resolve_unit_by_code_name_or_area():
    tree = make_tree(orgs=("mttq", "phunu"))
    unit = tree.units["phunu", "C2"]
    assert lineage.resolve_unit("phunu-C2") == unit
    assert lineage.resolve_unit("Hội LHPN xã Bình") == unit
    assert lineage.resolve_unit("xã Bình", organization="phunu") == unit
    with pytest.raises(lineage.ResolveError):
        lineage.resolve_unit("Hội LHPN xã Không Có")


def test_lai_chau_doan_ket_has_five_predecessors():
    from giaoban.demo.load import DemoLoader

    loader = DemoLoader()
    loader.load_tree()
    new = lineage.resolve_area("phường Đoàn Kết", D(2026, 1, 1))
    assert (new.code, new.valid_from) == ("03388", D(2025, 7, 1))
    old = lineage.resolve_area("phường Đoàn Kết", D(2024, 12, 31))
    assert (old.code, old.parent.code) == ("03389", "105")
    found = lineage.predecessors_at(new, D(2024, 12, 31))
    assert len(found) == 5 and all(share == 1 for _, share in found)
    assert old in [node for node, _ in found]
    # Old thị trấn Mường Tè went into xã Bum Tở, not into the new xã Mường Tè.
    tt = lineage.resolve_area("thị trấn Mường Tè", D(2024, 12, 31))
    assert [node.name for node, _ in lineage.successors_at(tt, D(2026, 1, 1))] == ["Bum Tở"]
    with pytest.raises(lineage.ResolveError, match="Mường Tè"):
        lineage.resolve_area("Mường Tè", D(2024, 12, 31))
