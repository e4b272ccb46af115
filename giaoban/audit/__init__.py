"""The audit trail: every change of a value, a status or the tree is recorded here."""


def record(user, action, obj=None, *, object_type=None, object_id=None, field="", old=None, new=None, reason="", **data):
    """Append one entry. `obj` is any model instance; values are stored as text."""
    from giaoban.audit.models import AuditEntry  # `giaoban.audit` loads with the app registry, before models

    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=object_type or "",
        object_id=str(object_id or ""),
        field=field,
        old_value="" if old is None else str(old),
        new_value="" if new is None else str(new),
        reason=reason or "",
        data=data,
    )
