"""Outside sites: test sites the checks were not written against, each with its documented truth.

Thirty-five sites in styles the rest of the replica does not have, written from the legal text (Appendices
14, 15 and 16 of the 2017 order, Table 7 of the 2025 edition) and the wording of real state-body
sites, to measure how the checks do on material nobody tuned them for:

* ``geology``  — www.geology.gov.kz, an older ministry site (table layout, /m/ mobile version);
* ``altynkol`` — www.altynkol.gov.kz, a regional akimat's CMS site, Kazakh by default, with a
  separate mobile version m.altynkol.gov.kz in Kazakh only;
* ``archives`` — www.archives.gov.kz, an agency's site built by JavaScript from a JSON API;
* ``nadzor``   — nadzor.geology.gov.kz, a committee's small site on a fourth-level domain;
* ``akzhaiyk`` — www.akzhaiyk.gov.kz, an oblast akimat on a Bitrix-like CMS, Kazakh pages lagging;
* ``kalalar``  — www.kalalar.gov.kz, an agency whose menus a script builds from JSON (kk/ru/en);
* ``kokzhiek`` — www.kokzhiek.gov.kz, a city akimat whose Russian and Kazakh pages differ in structure;
* ``ekoreg``   — akzhaiyk.ekoreg.gov.kz, a committee's territorial department on a shared template;
* ``sushar``   — www.sushar.gov.kz, a ministry whose material is mostly PDF attachments, several scanned;
* ``baiterek`` — kk.baiterek.gov.kz / ru.baiterek.gov.kz, a district akimat on its region's shared
  template, a host per language, the choice kept in a cookie, news in a script-loaded endless list;
* ``tutynushy`` — www.tutynushy.gov.kz, a committee's site with a heavy accessibility overlay widget;
* ``zhersu``   — www.zhersu.gov.kz, a ministry on an old ASP.NET WebForms CMS (lists paged by postback);
* ``orman``    — www.orman.gov.kz, a committee whose kk and ru share one address, the language a session's;
* ``aqbulaq``  — www.aqbulaq.gov.kz, a city akimat's page-builder landing page, its register an iframe of
  docs.aqbulaq.gov.kz.
* ``ertis``    — www.ertis.gov.kz, a regional akimat on a Joomla-like CMS (``index.php?option=com_content…``);
* ``kartalau`` — www.kartalau.gov.kz, an agency on a server-rendered JavaScript framework (``__NEXT_DATA__``,
  news growing from JSON pages, documents in a viewer page);
* ``beskainar`` — www.beskainar.gov.kz, a district akimat whose Kazakh comes in Cyrillic and in a partial
  Latin-script copy.
* ``qurylys`` — www.qurylys.gov.kz, a ministry's committee on a Drupal-like CMS (``/kk/node/N``, views, file fields);
* ``taldykol`` — www.saryarqa.gov.kz/taldykol/, a district akimat whose site is a folder of its oblast's portal;
* ``qarasu``   — www.qarasu.gov.kz, a city akimat on a WordPress-like CMS (posts, categories, tags, archives).
* ``tulpar``, ``sarybel``, ``qanat``, ``olshem``, ``kenaral``, ``shuaq`` — a static-site generator, a 2000s
  windows-1251 portal, a register host of its own, sections of tabs, life situations, a filtered document table
  (``sites/README.md`` says more);
* ``bozaral``  — www.bozaral.gov.kz, a district akimat's portal of icon tiles, its material in named files;
* ``sayahat``  — www.sayahat.gov.kz, a ministry with a full English version, press galleries and an open-ministry hub;
* ``saryozen`` — www.saryozen.gov.kz, a Kazakh-first akimat whose Russian version is smaller and built differently.
* ``sholaqsay``, ``kokpar``, ``ortaqala`` — bilingual pages carrying both languages side by side, a frameset-era
  committee with a responsive news part, a town akimat with AMP copies of its main pages for phones.

The sites after the first four were added later and carry first-seen figures of their own.

Each is data, not code: a folder under ``sites/`` with the pages as files, a ``site.yaml`` saying
what is not a file, and its truth in ``truth.yaml`` (:mod:`ashyq_replica.outside.folder`); one server
answers for all of them (:mod:`ashyq_replica.outside.server`). They are served beside the replica
world (``ashyq world serve``) but belong to no registry and no demo run; ``docs/accuracy.md`` says
how they are measured and ``sites/README.md`` how a folder is laid out.
"""

from __future__ import annotations

from ashyq_replica.outside.folder import SiteFolder, excluded, load_site, load_sites
from ashyq_replica.outside.server import create_apps


def truth_of() -> dict[str, list[dict[str, object]]]:
    """Site id → every verdict of its documented truth."""
    return {site.id: site.truth() for site in load_sites()}


__all__ = ["SiteFolder", "create_apps", "excluded", "load_site", "load_sites", "truth_of"]
