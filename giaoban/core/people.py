"""People's names as Vietnamese pages write them (plain: any object with the user's fields)."""


def vi_name(user) -> str:
    """A person's name in Vietnamese order: họ (last_name) then tên (first_name); Django's
    get_full_name() puts the given name first ('Châu Cán bộ … tỉnh Lai')."""
    if user is None:
        return ""
    name = " ".join(part for part in (getattr(user, "last_name", ""), getattr(user, "first_name", "")) if part).strip()
    return name or getattr(user, "username", "")
