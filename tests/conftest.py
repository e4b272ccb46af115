import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_SHARED", PROJECT_ROOT.parent / "shared"))


@pytest.fixture
def shared_dir() -> Path:
    """The shared folder beside the checkout; tests that need it skip on a user's clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone): test skipped")
    return SHARED
