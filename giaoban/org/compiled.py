"""A page's own queries compiled once, not on every request.

The ORM builds and compiles a queryset each time one is evaluated: about 0.2–0.4 ms of Python for
a small filter (issue 21: the entry page made six, the autosave five, ~a fifth of their CPU). A
:class:`Statement` builds its queryset once per database and *shape* (how many values each
``__in`` list has) with marker values in place of the arguments, keeps the SQL the ORM wrote, and
runs it again with the call's values; rows come back as the ORM returns them (model objects
through ``from_db``, or ``values_list`` tuples), through the same column converters. The same
statement as the ORM's, so the same rows: nothing is cached but the SQL text.

Arguments are ints, strings, None or lists of those (for ``__in``). A queryset whose SQL does not
carry each argument as a parameter of its own (a value the ORM transforms, an empty list, a
``select_related`` or an annotation) is run through the ORM as before, shape by shape.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable

_MARK_BASE = (20_011, 26_017)  # the two sets of integer markers: within a small integer column's range
_MARKS_AT_MOST = 5_000  # values a statement is compiled for (the two sets must not meet)
_SHAPES_KEPT = 64  # shapes a statement keeps (lists' lengths): beyond, the ORM compiles as before


class _Compiled:
    __slots__ = ("sql", "slots", "converters", "kind", "model", "names")

    def __init__(self, sql, slots, converters, kind, model, names):
        self.sql, self.slots, self.converters, self.kind, self.model, self.names = sql, slots, converters, kind, model, names


class Statement:
    """``build(*args)`` → a queryset of ``model`` (``write``: on the database writes go to, as a
    ``select_for_update()`` is), compiled once per database and shape; call it with the arguments.
    ``build`` may look at its arguments only by passing them to the ORM (and at which are None),
    and must not read the clock (a constant is compiled in with the SQL)."""

    def __init__(self, model, build: Callable, *, write: bool = False):
        self.model, self.build, self.write = model, build, write
        self._compiled: dict = {}

    def __call__(self, *args) -> list:
        alias = router.db_for_write(self.model) if self.write else router.db_for_read(self.model)
        shape = (alias, *(len(a) if isinstance(a, list | tuple) else a is None for a in args))
        compiled = self._compiled.get(shape, False)
        if compiled is False:
            compiled = self._compile(alias, args)
            if len(self._compiled) < _SHAPES_KEPT:
                self._compiled[shape] = compiled
        if compiled is None:
            return self._through_orm(args)
        # an IntegerChoices member as the plain int the ORM would send
        flat = [int(v) if isinstance(v, int) else v for a in args for v in (a if isinstance(a, list | tuple) else (a,))]
        params = [flat[s] if isinstance(s, int) else s[0] for s in compiled.slots]
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = [_converted(row, compiled.converters, connection) for row in rows]
        if compiled.kind == "models":
            from_db, names = compiled.model.from_db, compiled.names
            return [from_db(alias, names, row) for row in rows]
        if compiled.kind == "flat":
            return [row[0] for row in rows]
        return [tuple(row) for row in rows]

    def _through_orm(self, args) -> list:
        queryset = self.build(*args)
        return list(queryset) if queryset._iterable_class is not ValuesListIterable else [tuple(r) for r in queryset]

    def _compile(self, alias: str, args) -> _Compiled | None:
        # Compiled twice, with two sets of markers: a parameter that differs between the two is
        # an argument (the markers say which), one that does not is the queryset's own constant.
        # Markers are small numbers (an integer lookup drops a value out of its column's range).
        if sum(len(a) if isinstance(a, list | tuple) else 1 for a in args) > _MARKS_AT_MOST:
            return None
        try:
            first, second = self._marked(alias, args, 0), self._marked(alias, args, 1)
        except (TypeError, EmptyResultSet):
            return None
        if first is None or second is None or first[1] != second[1]:
            return None
        (marks, sql, params, compiler, kind), (other_marks, _, other_params, _, _) = first, second
        slots, seen = [], set()
        for p, q in zip(params, other_params, strict=True):
            if p == q and type(p) is type(q):
                slots.append((p,))  # a constant of the queryset itself ('submitted', a date)
            elif p in marks and q in other_marks and marks[p] == other_marks[q]:
                slots.append(marks[p])
                seen.add(marks[p])
            else:
                return None  # an argument the ORM wrote into the SQL some other way
        if seen != set(marks.values()):
            return None
        columns = [column for column, _, _ in compiler.select[:compiler.col_count]]
        converters = compiler.get_converters(columns)
        names = None
        if kind == "models":
            info = compiler.klass_info
            if info is None or info.get("related_klass_infos") or info["select_fields"] != list(range(len(columns))):
                return None
            names = [column.target.attname for column in columns]
        return _Compiled(sql, slots, list(converters.items()), kind, self.model, names)

    def _marked(self, alias: str, args, round_: int):
        """(marker → argument index, sql, params, compiler, kind) of the queryset built with markers."""
        marks: dict = {}
        count = iter(range(1 << 30))

        def mark(value):
            index = next(count)
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise TypeError(value)
            marker = _MARK_BASE[round_] + index if isinstance(value, int) else f"\x01mark{round_}.{index}\x01"
            marks[marker] = index
            return marker

        marked = [[mark(v) for v in a] if isinstance(a, list | tuple) else mark(a) for a in args]
        queryset = self.build(*marked)
        query = queryset.query
        kind = {ModelIterable: "models", ValuesListIterable: "tuples", FlatValuesListIterable: "flat"}.get(queryset._iterable_class)
        if queryset.db != alias or query.annotation_select or query.extra_select or query.select_related or kind is None:
            return None
        compiler = query.get_compiler(alias)
        sql, params = compiler.as_sql()
        return marks, sql, list(params), compiler, kind


def _converted(row, converters, connection) -> list:
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row
