"""Cross-cutting protection: login throttling (django-axes) and its Vietnamese lockout page."""
