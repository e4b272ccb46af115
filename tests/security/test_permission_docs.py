from giaoban.collection.permissions import as_markdown
from tests.conftest import PROJECT_ROOT


def test_the_docs_print_the_permission_table_of_the_code():
    assert as_markdown() in (PROJECT_ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
