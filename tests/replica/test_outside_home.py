"""An outside site whose body's pages are a part of a larger portal names its home: the audit is given that address,
not the host's root (a district akimat's pages in a folder of its oblast's portal)."""

from __future__ import annotations

from ashyq_replica.accuracy.outside import registry
from ashyq_replica.outside import load_site


def test_a_site_in_a_folder_of_a_portal_is_audited_from_its_folder() -> None:
    district, committee = load_site("taldykol"), load_site("qurylys")
    bodies = {b["id"]: b for b in registry([district, committee])["bodies"]}
    assert bodies["taldykol"]["sites"] == ["https://www.saryarqa.gov.kz/taldykol/"]
    assert bodies["qurylys"]["sites"] == ["https://www.qurylys.gov.kz/"]
