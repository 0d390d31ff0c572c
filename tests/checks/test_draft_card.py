"""A draft's card on the drafts' portal is told by the portal's own host (or a host under it) and the card's path:
another host whose name only ends in the portal's name is not the portal."""

from __future__ import annotations

import pytest

from ashyq.checks.completeness.instances import draft_card


@pytest.mark.parametrize(
    ("href", "card"),
    [
        ("https://legalacts.egov.kz/npa/view?id=14712345", True),
        ("https://www.legalacts.egov.kz/npa/view/?id=14712345", True),
        ("https://notlegalacts.egov.kz/npa/view?id=14712345", False),
        ("https://legalacts.egov.kz.example.org/npa/view?id=14712345", False),
        ("https://legalacts.egov.kz/npa/list", False),
        ("/npa/view?id=14712345", False),
    ],
)
def test_a_draft_card_is_on_the_portal_itself(href: str, card: bool) -> None:
    assert draft_card(href) is card
