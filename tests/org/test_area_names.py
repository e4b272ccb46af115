"""An area's full name ('Xã Bum Nưa', 'Phường Đoàn Kết') is asked for every area of a page's area
box (250 on the dashboard): it is a lookup, not Django's get_kind_display(), which flattens the
choices again on every call."""

import cProfile

from giaoban.org.models import Area


def test_full_name_is_the_kind_label_and_the_name():
    for kind, label in Area.Kind.choices:
        area = Area(code="1", name="Bum Nưa", kind=kind, level=Area.Level.COMMUNE)
        assert area.full_name == f"{area.get_kind_display()} Bum Nưa" == f"{label} Bum Nưa"
        assert str(area) == area.full_name
    assert Area(code="1", name="Mới", kind="khu_moi").full_name == "khu_moi Mới"  # an unknown kind: as stored


def test_full_name_costs_a_lookup():
    areas = [Area(code=str(i), name=f"Xã {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE) for i in range(200)]
    profile = cProfile.Profile()
    profile.enable()
    names = [area.full_name for area in areas]
    profile.disable()
    assert names[0] == "Xã Xã 0"
    calls = sum(row[1] for row in profile.getstats())
    assert calls / len(areas) <= 4, f"{calls / len(areas):.0f} Python calls per full_name"
