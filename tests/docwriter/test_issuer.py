"""The issuing body written from the issuing unit (plain core): the commission's merger date is
the organization tree's alone."""

import datetime as dt

import pytest

from giaoban.docwriter.issuer import IssuingUnit, make_issuer
from giaoban.docwriter.writing import load_phrasing

PROVINCE = IssuingUnit(org_code="mttq", level="province", area_name="tỉnh Lai Châu", kind="tỉnh", place="Lai Châu",
                       party="Tỉnh ủy")


def test_the_merger_date_is_not_kept_in_the_phrasing_file():
    # one date (org.identity.PARTY_COMMISSION_MERGED): a second copy in the words drifts from it
    assert set(load_phrasing()["party_commission"]) <= {"before", "after", "_comment"}


@pytest.mark.parametrize("merged, expected", [(dt.date(2025, 3, 1), "Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);"),
                                              (dt.date(2025, 7, 1), "Ban Dân vận Tỉnh ủy (b/c);")])
def test_the_copy_goes_to_the_commission_as_it_stood_on_the_date(merged, expected):
    issuer = make_issuer(load_phrasing(), PROVINCE, dt.date(2025, 4, 20), commission_merged=merged)
    assert expected in issuer.recipients


def test_an_issuer_needs_the_merger_date():
    with pytest.raises(TypeError):
        make_issuer(load_phrasing(), PROVINCE, dt.date(2025, 4, 20))  # type: ignore[call-arg]
