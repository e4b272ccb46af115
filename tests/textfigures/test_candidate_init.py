"""figures.Candidate's __init__, written out so that mypyc compiles it (issue 15, speed), sets every field
as the dataclass's generated one would: the declared defaults, a fresh set of flags for each candidate,
and each field given by position or by name."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from giaoban.textfigures.figures import Candidate


def test_defaults_are_the_declared_ones() -> None:
    c = Candidate(3, 9, Decimal("1.5"), None, None)
    for f in dataclasses.fields(Candidate):
        if f.default is not dataclasses.MISSING:
            assert getattr(c, f.name) == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert getattr(c, f.name) == f.default_factory(), f.name
    assert Candidate(3, 9, Decimal(1), None, None).flags is not c.flags


def test_every_field_is_set_as_given() -> None:
    names = [f.name for f in dataclasses.fields(Candidate)]
    values = [4, 12, Decimal("2"), "hộ", "count", "hộ nghèo", "approx", "change", {"pair"}, 15, 1]
    by_position = Candidate(*values)  # type: ignore[arg-type]
    by_name = Candidate(**dict(zip(names, values)))  # type: ignore[arg-type]
    assert [getattr(by_position, n) for n in names] == values == [getattr(by_name, n) for n in names]
    assert by_position == by_name
