import pytest

from giaoban.docwriter.synthetic import build_synthetic_model


@pytest.fixture
def model():
    return build_synthetic_model()


@pytest.fixture(scope="module")
def report_docx_bytes():
    """One full report per test module: building it draws a dozen charts."""
    from giaoban.docwriter.docx import write_report_docx

    return write_report_docx(build_synthetic_model())
