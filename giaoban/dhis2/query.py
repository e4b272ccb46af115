"""DHIS2 metadata list parameters over plain dicts: `fields`, `filter`, `order`, paging.

Each metadata object is built once as a full dict (nested objects included); the request's
`filter`s select from the full dicts, `fields` cuts each down, and the pager is DHIS2's
(`page`, `pageCount`, `total`, `pageSize`). A catalogue of one province is small enough for this
to run in memory.
"""

from __future__ import annotations

import math
import re
from typing import Any

DEFAULT_FIELDS = "id,displayName"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 10000


class QueryError(ValueError):
    """A `fields`, `filter` or paging parameter that cannot be read (Vietnamese message)."""


# --------------------------------------------------------------------------- fields


def parse_fields(text: str | list[str] | None) -> dict[str, Any]:
    """'id,name,parent[id,name],children[id]' → {'id': {}, 'name': {}, 'parent': {'id': {}, …}, …}.
    `*` (or `:all`) keeps every field; `!x` drops x."""
    if isinstance(text, list):
        text = ",".join(t for t in text if t)
    text = (text or DEFAULT_FIELDS).replace(" ", "")
    out: dict[str, Any] = {}
    for name, sub in _split_fields(text):
        if name in ("*", ":all", ":owner", ":identifiable", ":nameable"):
            out["*"] = {}
        elif name.startswith("!"):
            out.setdefault("!", set()).add(name[1:])
        elif name == ":simple":
            out["*"] = {}
        else:
            out[name] = parse_fields(sub) if sub else {}
    return out


def _split_fields(text: str) -> list[tuple[str, str]]:
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text + ","):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
            if depth < 0:
                raise QueryError(f"Tham số fields không hợp lệ: '{text}' (thừa dấu ']').")
        elif ch == "," and depth == 0:
            part = text[start:i]
            start = i + 1
            if not part:
                continue
            m = re.match(r"^([^\[\(]+)(?:[\[\(](.*)[\]\)])?$", part)
            if not m:
                raise QueryError(f"Tham số fields không hợp lệ: '{part}'.")
            items.append((m.group(1), m.group(2) or ""))
    if depth:
        raise QueryError(f"Tham số fields không hợp lệ: '{text}' (thiếu dấu ']').")
    return items


def select(obj: Any, fields: dict[str, Any]) -> Any:
    """Cut obj down to `fields` (nested dicts and lists of dicts follow their sub-fields)."""
    if isinstance(obj, list):
        return [select(o, fields) for o in obj]
    if not isinstance(obj, dict):
        return obj
    if not fields:
        fields = {"*": {}} if "id" not in obj else {"id": {}}
    dropped = fields.get("!", set())
    if "*" in fields:
        out = {k: v for k, v in obj.items() if k not in dropped}
        for name, sub in fields.items():
            if name not in ("*", "!") and sub and name in obj:
                out[name] = select(obj[name], sub)
        return out
    out = {}
    for name, sub in fields.items():
        if name == "!" or name in dropped or name not in obj:
            continue
        value = obj[name]
        out[name] = select(value, sub) if sub else value
    return out


# --------------------------------------------------------------------------- filters


def _values(obj: Any, path: list[str]) -> list[Any]:
    """Every value at a dotted path (lists are walked: 'ancestors.id' gives each ancestor's id)."""
    if not path:
        return obj if isinstance(obj, list) and obj and not isinstance(obj[0], dict) else [obj]
    if isinstance(obj, list):
        return [v for o in obj for v in _values(o, path)]
    if isinstance(obj, dict) and path[0] in obj:
        return _values(obj[path[0]], path[1:])
    return [None]


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else str(v)


def _number(v: Any) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _compare(op: str, have: Any, want: str) -> bool:
    h = _text(have)
    if op in ("eq", "ieq"):
        return h == want if op == "eq" else h.lower() == want.lower()
    if op in ("!eq", "ne", "neq"):
        return h != want
    if op in ("like", "ilike", "!like", "!ilike"):
        found = (want in h) if op in ("like", "!like") else (want.lower() in h.lower())
        return found != op.startswith("!")
    if op in ("$like", "$ilike", "startsWith", "startswith"):
        return h.lower().startswith(want.lower()) if "i" in op[:2] else h.startswith(want)
    if op in ("like$", "ilike$", "endsWith", "endswith"):
        return h.lower().endswith(want.lower()) if op.startswith("i") else h.endswith(want)
    if op == "token":
        return all(t.lower() in h.lower() for t in want.split())
    if op in ("in", "!in"):
        items = [x.strip() for x in want.strip().lstrip("[").rstrip("]").split(",")]
        return (h in items) != (op == "!in")
    if op in ("null", "!null", "empty"):
        empty = have is None or have == "" or have == []
        return empty if op != "!null" else not empty
    if op in ("gt", "ge", "lt", "le"):
        a, b = _number(have), _number(want)
        if a is None or b is None:
            a, b = h, want  # dates and codes compare as text
        return {"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op]
    raise QueryError(f"Toán tử lọc chưa hỗ trợ: '{op}' (dùng eq, !eq, in, !in, like, ilike, null, gt, lt…).")


def parse_filter(text: str) -> tuple[list[str], str, str]:
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0]:
        raise QueryError(f"Bộ lọc không hợp lệ: '{text}' (dạng thuộc_tính:toán_tử:giá_trị, ví dụ level:eq:2).")
    prop, op = parts[0], parts[1]
    want = parts[2] if len(parts) > 2 else ""
    return prop.split("."), op, want


def matches(obj: dict, filters: list[tuple[list[str], str, str]], junction: str = "AND") -> bool:
    results = []
    for path, op, want in filters:
        values = _values(obj, path)
        if op.startswith("!") or op in ("ne", "neq", "null", "empty"):
            ok = all(_compare(op, v, want) for v in values)
        else:
            ok = any(_compare(op, v, want) for v in values)
        results.append(ok)
    if not results:
        return True
    return any(results) if junction.upper() == "OR" else all(results)


# --------------------------------------------------------------------------- the whole list


def _bool(v: str | None, default: bool) -> bool:
    if v is None or v == "":
        return default
    return v.strip().lower() not in ("false", "0", "no")


def _int(v: str | None, default: int, name: str) -> int:
    if v in (None, ""):
        return default
    try:
        return int(v)
    except ValueError:
        raise QueryError(f"Tham số {name} phải là số nguyên: '{v}'.") from None


def listing(collection: str, objects: list[dict], params, *, default_fields: str = DEFAULT_FIELDS) -> dict:
    """DHIS2's list answer: {"pager": …, collection: [...]}, or without pager when paging=false.
    `params` is a QueryDict (or a dict of lists)."""
    getlist = params.getlist if hasattr(params, "getlist") else (lambda k: params.get(k, []))
    first = params.get if hasattr(params, "getlist") else (lambda k: (params.get(k) or [None])[0])
    filters = [parse_filter(f) for f in getlist("filter") if f]
    junction = first("rootJunction") or "AND"
    chosen = [o for o in objects if matches(o, filters, junction)]
    for spec in reversed([o for o in ",".join(getlist("order")).split(",") if o]):
        key, _, direction = spec.partition(":")
        chosen.sort(key=lambda o: (_text(o.get(key)).lower() if direction.lower().startswith("i") else _text(o.get(key))),
                    reverse=direction.lower().endswith("desc"))
    fields = parse_fields(getlist("fields") or default_fields)
    out: dict[str, Any] = {}
    if _bool(first("paging"), True) and not _bool(first("skipPaging"), False):
        size = _int(first("pageSize"), DEFAULT_PAGE_SIZE, "pageSize")
        page = _int(first("page"), 1, "page")
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise QueryError(f"pageSize phải từ 1 đến {MAX_PAGE_SIZE}.")
        if page < 1:
            raise QueryError("page phải từ 1 trở lên.")
        total = len(chosen)
        out["pager"] = {"page": page, "pageCount": max(1, math.ceil(total / size)), "total": total, "pageSize": size}
        chosen = chosen[(page - 1) * size: page * size]
    out[collection] = [select(o, fields) for o in chosen]
    return out
