"""The keyword vocabularies of the content checks (``ashyq/config/vocabulary/*.yaml``), loaded and validated.

A vocabulary file lists, per methodology item, the section's titles and URL patterns in kk and ru,
its indicators (each with keywords in both languages, URL patterns, or a detector such as
``phone``) and, for currency, the expected update periodicity in days. Checks never carry words in
code: a new synonym is a line of YAML. ``artifacts.config["vocabulary"][<item>]`` may override any
section key for one run, merged by the configuration's one rule (:func:`ashyq.config.loader.merge`).

Keyword syntax (matched against normalised text, see :func:`ashyq.base.text.normalise`): words are
stems — ``результат проверок`` matches ``результаты проверок``; a word ending in ``$`` must end
there (``ту$`` does not match ``туралы``); a keyword starting with ``re:`` is a regular expression.
Kazakh keywords are matched in the folded spelling (:func:`ashyq.base.text.fold_kazakh`: «Бiз» with
a Latin i, «Биз» and «Біз» alike, a stem's final consonant voiced before a suffix).

Where an indicator is looked for (``match``), as a reader looks for it:

* ``headings`` — page titles, the labels of the links that lead to a page, the headings of the
  content, the labels of the links a page offers: what a reader scans;
* ``section`` — the content (headings and text) of the section's pages, and of blocks headed with
  the section's title elsewhere;
* ``memo`` — an individual item's memo (Appendix 16, public services, indicator 3 «Памятка о получении
  государственной услуги»): a page the section's content links to, or a block of a section page
  headed with the item, that names at least two of the memo's parts; each memo is judged on its own
  (:func:`ashyq.checks.completeness.memos.memos_of`);
* ``anywhere`` (default) — ``headings`` plus the content text of every page (a site's menu, header
  and footer are not content: an indicator is not "present" because a menu names it);
* ``titles`` — page titles, link labels leading to the page, and URLs only.

``unless`` (kk/ru keywords): a heading, title or link label that also names one of these is about
something else («Статистика обращений» is not sector statistics). ``not_under`` (kk/ru keywords): the
indicator's words in running text under a heading naming one of these (and not the indicator) are about
something else (a paragraph under «Результаты государственного аудита» that speaks of «результаты
проверки» is no inspection the body carried out). ``expected_with`` (indicator ids):
an ``if_any`` indicator that is absent counts as present only when none of these is present (a body
that shows an advisory council has open meetings whose minutes are expected).

An indicator may ask for more in the same place (``with``: kk/ru keywords and ``url`` patterns): the
block where it is found (with the blocks under it) must also name or link one of them - "the
legislation on the green economy" is a green-economy heading over a law or a link to it. ``with:
{figures: true}`` asks for data there: figures (quantities with a unit or a percentage, or a table's
numbers; dates, years and phone numbers are no figures), a picture shown there, or a link matching one
of the ``url`` patterns (a data file) - "sector statistics" is a heading over a table of indicators or a
statistics file, not a heading over words (:func:`ashyq.checks.completeness.places.figures`).

``not_in_sentence_with`` (kk/ru keywords): a sentence of running text that also names one of these does not name
the indicator - «… может быть обжаловано в … Комитет внутреннего государственного аудита» names the auditor as
the instance of an appeal, not an audit of the body.

``in_text_with`` (kk/ru keywords): the indicator's words in running text (not a heading, title or link
label) name it only where the same block also names one of these - «План реализации: PDF» is the
Address's action plan in a paragraph on the Address.

An indicator's own name (its wording in the appendix) is always one of its keywords; ``reading``
states the reading of the text its words rest on, cited in its findings (``measured.readings``).

Currency of an indicator (``current``): ``days`` — the freshest date in its block may not be older;
``years`` — the latest year its block names may lag the audit's year by at most this many
(``0``: a plan must cover this year; ``1``: a report must be last year's at the latest); ``lag`` — a list with no
period of its own (acts, drafts) is as current as the other language's list of the same kind.

``named_anywhere`` (a holder's phone or e-mail: ``detect`` with keywords naming the holder): the holder's contact is
also read on every page of the content, outside the section, where it follows the holder's words within a line's
reach (:func:`~ashyq.checks.completeness.contacts.named_contact`): Table 7 row 1 lists whose phones are given, not the
page they stand on («Уполномоченный по этике — …, 2-40-19» on the civil-service page).

``official_language`` (kk or ru): the one language the indicator's official text exists in (the State
Anthem's words are Kazakh only): its text in that language on the other language's pages is no missing
translation.

``parts`` (a list of kk/ru keyword lists): the forms the indicator's wording lists, each to be named in
its place (the place's blocks and the blocks under them). A place naming some of them shows one form of
several: the indicator is not counted, and the verdict is uncertain (the list ends «и др.», an
assessor may read the forms shown as enough). ``parts_min``: how many of the forms show it where the list
is open («… интернет-приемная и др.»), the verdict uncertain when some are missing; by default every one.
``parts_closed``: the wording lists the parts without «и др.» (Appendix 16's e-appeals «со ссылкой на портал
egov, в том числе на AppStore или PlayMarket»): its parts are read in the section (not on the site's other
pages: the app's links in a service memo are the memo's), and a place missing one does not show the indicator
(the best guess). The verdict stays uncertain: «в том числе» ("including") reads as a required part or as
an example of the link, and independent readers of the text split on it (docs/accuracy.md, issue 25: five
outside sites' truths count the portal's link alone as shown).

``per_item`` (kk/ru words naming one item of a kind: a vacancy's post): the indicator is stated for every
item (each vacancy's qualification requirements) and judged over the items found: items without it are
incomplete information, a single item leaves the verdict uncertain (:mod:`ashyq.checks.completeness.instances`).

``none_said`` (kk/ru keywords, ``if_any`` indicators): a sentence of the section's pages saying there is none of
it («открытые заседания не проводились», «ашық отырыстар өткізілмеді») is the information that there is nothing
to post, whatever ``expected_with`` expects. On an indicator the text asks for within the body's powers (Table 7
row 3, the inspections the body carries out «в пределах их полномочий»), the body's word on any page of its content
that it has no such power («контрольно-надзорных функций не осуществляет») is that information; such a sentence is
no mention of the indicator itself.

``listed_by_memos`` (Appendix 16's list of services): the list is shown where the section shows the memos of two
items or more, each headed with the item's name or on the item's own page: the items named one by one are their
list, whatever verb their names begin with («Предоставление …», «Постановка на учет …»).

``memos_from`` (body kind → ``vocabulary:item``; Appendix 15's «Паспорт государственной услуги»): where the
indicator's words are not found, the section's services are read for their memos with that item's memo parts
(:func:`ashyq.checks.completeness.memos.memos_of`, Appendix 16's «Памятка … 3.1-3.6»): a service described by its
form, documents, cost, term and result is the passport's information under another name. It is shown by such
memos; listed services without one leave it incomplete (неполнота), a single memo uncertain.

``merged_into`` (an indicator id of the same section): a later law made that indicator's document carry this one's
too (since the 2019 amendments to the Law on public services a service's standard and its regulation are both given
as the rules of providing it, «Правила оказания государственной услуги» / «Мемлекеттік қызмет көрсету қағидалары»):
where that indicator is shown and this one is not named, it is counted as shown by that indicator's place (the law in
force), uncertain, the assessor asked whether the rules shown give it (the appendix's letter names both).

``with_contacts`` (a list «с контактами»: the territorial units of Appendix 15, 1.2 and Appendix 16, 1.1): the entries
of the list under the heading that names it (its paragraphs and list items, or its table's rows) are asked for a phone
or an e-mail; entries without one are «неполнота представленной информации»
(:func:`~ashyq.checks.completeness.instances.contactless`), unless links lead on from the list (each entry's own page
may hold its contacts).

``each_entry`` (``names``, ``needs``, ``when``, ``also``: the drafts of Appendix 15, 1.4 «с пояснительными записками и
сравнительными таблицами (в случаях внесения изменений …)»): the entries of the indicator's list that name one entry
(``names``: «Проект приказа …», «… бұйрығының жобасы») are each asked for what ``needs`` names (the explanatory note)
and, those the ``when`` words name (a draft amending an act), for ``also`` (the comparative table), by their own words;
entries without it are «неполнота представленной информации»
(:func:`~ashyq.checks.completeness.instances.entries_wanting`), unless the list names it outside its entries (a
column's head) or its links lead on to the site's pages. An entry linking its card on the drafts' portal is counted as
giving it there, and the verdict says so (uncertain).

``apart_from`` (an item of the same table): the pages of that section's own rubric do not show the indicator, unless
they are also its own section's: Appendix 16, Table 2, row 1.7 «Трудоустройство (… сообщения о вакансиях)» is employment
offered to the population, and the body's own vacant posts are row 1.4 «Кадровое обеспечение государственных органов».

``substantiated_by`` (body kind → ``vocabulary:item/indicator`` list): the detailed checklist's indicator naming the
same information. The 2025 edition's Table 7 asks for kinds of information in a phrase («информация, касающаяся
использования средств … бюджета», «о нормотворческой деятельности», «статистические отраслевые данные»); the
detailed website checklists of the 2017 methodology (Appendix 15) are how an assessor substantiates them, and name
the same information in their own rows (1.6 «Исполнение бюджета», 1.4 the adopted acts and the drafts, 1.5 the
sector's statistics). Where the row's own words find no place, that indicator's reading of the same pages, content
only, shows it: its place stands for the row's (:func:`~ashyq.checks.completeness.search.find_indicators`).

``machine_readable`` (kinds of body, ``cgo``/``mio``): the table marks the indicator "*", «сведения,
которые должны быть размещены в машиночитаемом виде» (Appendix 15's notes): a place that offers it
only as pictures or scans does not show it (:mod:`ashyq.checks.completeness.machine_readable`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ashyq.base.text import compile_keyword
from ashyq.config.loader import kind, merge, read

MATCH_SCOPES = ("anywhere", "section", "titles", "headings", "memo")
DETECTORS = ("phone", "email", "contact", "address", "social", "egov_link", "law_link")  # contact: a phone or an e-mail


@dataclass(frozen=True)
class Part:
    """One form an indicator's wording lists (``parts``): its first keyword names it in findings."""

    name: dict[str, str]
    keywords: dict[str, tuple[re.Pattern[str], ...]]


@dataclass(frozen=True)
class Entries:
    """``each_entry``: the words naming one entry of an indicator's list and what each entry must give (its ``needs``;
    an entry the ``when`` words name, its ``also`` too). Each thing given is a :class:`Part` named by its id."""

    names: dict[str, tuple[re.Pattern[str], ...]]
    needs: tuple[Part, ...]
    when: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    also: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    name: dict[str, str]
    keywords: dict[str, tuple[re.Pattern[str], ...]]
    urls: tuple[str, ...] = ()
    match: str = "anywhere"
    detect: str | None = None
    if_any: bool = False  # "(при наличии)": absent, there is nothing to post (a15-nothing-to-publish)
    # Appendix 15 note: a body that does not implement it posts a short message saying so; only
    # with that message does its absence count as nothing to post
    note: bool = False
    applies_to: tuple[str, ...] = ("cgo", "mio")
    needs: str | None = None  # a harvested content ("news", "contacts") without which absence is unknown
    current_days: int | None = None  # the freshest date of its block may be at most this old
    current_years: int | None = None  # the latest year its block names may lag the audit's year by this many
    # ``current.report_months``: a periodic report («по состоянию на …»): its "as of" day may not precede the end
    # of the last period of this many months that has ended (:mod:`ashyq.checks.completeness.timeliness`)
    report_months: int | None = None
    # ``current.period_months``: results given by the periods they cover reach the last period of this many months that
    # has ended (:func:`ashyq.checks.completeness.timeliness.period_staleness`)
    period_months: int | None = None
    # ``current.upcoming``: announcements of events to come («анонсы предстоящих событий»): current while the place
    # names a day not yet past; failing one, its freshest day may be at most ``current_days`` old
    upcoming: bool = False
    # ``current.schedule``: a schedule drawn up for a period it names (a month, a quarter, a half-year, a year): current
    # until that period ends (:func:`ashyq.checks.completeness.timeliness.schedule_staleness`)
    schedule: bool = False
    # ``current.lag``: a list the body keeps adding to (its acts, its drafts): current as the other language's list of
    # the same kind is - its latest item a quarter older than the other's is not kept up with it (the Appendix 15 and 16
    # notes' «несвоевременное обновление»), though the list sets no period of its own
    lag: bool = False
    # ``current.lag_days``: how far behind the other language's list the ``lag`` allows, where the list's items last a
    # shorter time than a quarter (a competition for a vacant post runs its course within weeks); None: a quarter
    lag_days: int | None = None
    # ``current.in_force``: a list of the body's acts is not current while it shows as in force (an item of its own,
    # no mark) an act another act on the site declared void (:func:`.repeals.listed_as_in_force`)
    in_force: bool = False
    # ``current.numbered``: a list of the body's acts named by number and day (with ``lag``): an act the other
    # language's list names and this language's pages never number was not added here
    # (:func:`.timeliness.missing_acts`); not a list of drafts, whose numbers are those of the acts they would amend
    numbered: bool = False
    # ``archive``: «с созданием архива» - the feed must let a reader reach its older items (:mod:`.archive`)
    archive: bool = False
    reading: str | None = None  # the reading of the legal text this indicator rests on, cited in findings
    together: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)  # ``with``: kk/ru keywords
    together_urls: tuple[str, ...] = ()  # ``with``: URL patterns (one of them, or of the keywords, is needed)
    together_figures: bool = False  # ``with: {figures: true}``: figures or a data file (``url``) in the place
    # ``in_text_with``: kk/ru keywords the block must also name where the indicator's words are running text
    in_text_with: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # ``not_under``: kk/ru keywords of a heading under which its words in running text are about something else
    not_under: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # ``not_in_sentence_with``: kk/ru keywords of a sentence of running text about another thing
    not_in_sentence_with: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    unless: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)  # a label naming these: not it
    expected_with: tuple[str, ...] = ()  # an ``if_any`` indicator is expected when one of these is present
    # the kinds of body whose table marks it "*": to be published in a machine-readable form
    machine_readable: tuple[str, ...] = ()
    # the one language its official text exists in (the State Anthem's words are Kazakh only): shown in
    # that language on the other language's pages, it is shown there too, no missing translation
    official_language: str | None = None
    # ``named_anywhere``: the holder's phone or e-mail is read on any content page, right after the holder's words
    named_anywhere: bool = False
    # ``parts``: the forms the indicator's wording lists («опросы …, ответы на часто задаваемые вопросы,
    # интернет-приемная и др.»), each kk/ru keywords: it is shown where its place names every one
    parts: tuple[Part, ...] = ()
    parts_min: int | None = None  # ``parts_min``: how many of the forms show it (an open list); None: all
    parts_closed: bool = False  # ``parts_closed``: no «и др.»: read in the section only, a missing part not shown
    # ``per_item``: kk/ru words naming one item of the kind the indicator is stated for (a vacancy's post:
    # «специалист», «маман»); judged over the items found (:mod:`ashyq.checks.completeness.instances`)
    per_item: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # ``none_said``: kk/ru keywords of a sentence saying there is none of it (an ``if_any`` indicator: nothing to post)
    none_said: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # ``listed_by_memos``: the list of the items the section's memos are of: memos of two items or more, each
    # headed with its item's name, list them (Appendix 16, services: the services named one by one with a memo)
    listed_by_memos: bool = False
    # ``memos_from``: body kind → «vocabulary:item» whose memo parts (``match: memo``) read the section's services'
    # memos; a memo of a service naming its parts is the information the indicator asks (Appendix 15's «Паспорт
    # государственной услуги»: where, the documents, the cost, the term, the result of one service)
    memos_from: dict[str, str] = field(default_factory=dict)
    # ``merged_into``: the indicator whose document a later law made carry this one's too (.search)
    merged_into: str | None = None
    # ``with_contacts``: a list «с контактами»: its entries giving no phone or e-mail are incomplete (.instances)
    with_contacts: bool = False
    # ``each_entry``: what each entry of the indicator's list gives (a draft's explanatory note; an amending draft's
    # comparative table): the entries that do not are incomplete (.instances)
    each_entry: Entries | None = None
    # ``contact_at_all``: a list «с контактами» read only for giving no contact at all (the units named under their
    # heading and nothing more); a list giving some contacts, or a page read as a whole, is not read for the rest
    contact_at_all: bool = False
    # ``material``: the text asks for the material itself, with no «либо ссылка» (Appendix 15, 1.4's drafts, unlike
    # 1.3's Addresses or 1.7's procurement): a link to another site's home page (a portal's, «legalacts.egov.kz»),
    # whatever its label says, points at where such material is kept, not at this body's material
    material: bool = False
    # ``apart_from``: the item of another section of the same table whose own rubric does not show it (.search)
    apart_from: str | None = None
    # ``substantiated_by``: body kind → «vocabulary:item/indicator» of the detailed checklist naming the same
    # information (a Table 7 row's, Appendix 15's); where the row's words find nothing, that reading shows it (.search)
    substantiated_by: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    item: str
    titles: dict[str, tuple[re.Pattern[str], ...]]
    urls: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    periodicity_days: int | None = None
    applies_to: tuple[str, ...] = ("cgo", "mio")
    # ``absence_doubted``: an indicator the section's words found nowhere (no placeholder, no other language's text)
    # is not shown, and the verdict resting on that is uncertain (t7.website_content)
    absence_doubted: bool = False

    def indicators_for(self, kind: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if kind in i.applies_to)


@dataclass(frozen=True)
class Vocabulary:
    sections: dict[str, Section]
    empty_phrases: dict[str, tuple[re.Pattern[str], ...]]
    repealed_phrases: dict[str, tuple[re.Pattern[str], ...]]
    law_citations: dict[str, tuple[re.Pattern[str], ...]]
    social_hosts: tuple[str, ...]
    not_implementer_phrases: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # empty phrases saying there is nothing of the kind now («Вакансий нет»): information, not a placeholder
    none_phrases: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # empty phrases announcing content not yet there («Информация готовится»): a placeholder, surely
    pending_phrases: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    # a list said on the page to be still incomplete («перечень дополняется»): the indicator shown in part
    incomplete_phrases: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)


def _by_lang(spec: dict[str, Any], where: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    out = {}
    for lang in ("kk", "ru"):
        words = spec.get(lang) or []
        if not isinstance(words, list):
            raise ValueError(f"{where}: {lang} must be a list")
        out[lang] = tuple(compile_keyword(str(w), kazakh=lang == "kk") for w in words)
    return out


def _with_name(words: tuple[re.Pattern[str], ...], name: str, lang: str) -> tuple[re.Pattern[str], ...]:
    """The keywords and the indicator's own name, as the appendix words it (a site that heads a
    block with the text's wording shows the indicator)."""
    plain = " ".join(re.sub(r"[^\w-]+", " ", name).split())
    return (*words, compile_keyword(plain, kazakh=lang == "kk")) if plain else words


CURRENCY_KEYS = frozenset(
    {"days", "years", "report_months", "period_months", "upcoming", "schedule", "lag", "lag_days", "in_force"}
    | {"numbered"}
)


def _current(spec: dict[str, Any], where: str) -> dict[str, Any]:
    """The indicator's currency fields (:class:`Indicator`'s ``current_days`` … ``lag``), checked."""
    current = spec.get("current") or {}
    if not isinstance(current, dict) or set(current) - CURRENCY_KEYS:
        raise ValueError(f"{where}: current is a mapping of {', '.join(sorted(CURRENCY_KEYS))}")
    for flag in ("schedule", "lag", "in_force", "numbered"):
        if not isinstance(current.get(flag, False), bool):
            raise ValueError(f"{where}: current.{flag} is true or false")
    upcoming = current.get("upcoming", False)
    if not isinstance(upcoming, bool) or (upcoming and current.get("days") is None):
        raise ValueError(f"{where}: current.upcoming is true or false, and true needs current.days")
    for key in ("report_months", "period_months"):
        months = current.get(key)
        if months is not None and (not isinstance(months, int) or not 1 <= months <= 12 or 12 % months):
            raise ValueError(f"{where}: current.{key} is 1, 2, 3, 4, 6 or 12")
    days, years, lag_days = current.get("days"), current.get("years"), current.get("lag_days")
    if lag_days is not None and (not isinstance(lag_days, int) or lag_days < 1 or not current.get("lag")):
        raise ValueError(f"{where}: current.lag_days is a whole number of days of 1 or more, with current.lag")
    if current.get("numbered") and not current.get("lag"):
        raise ValueError(
            f"{where}: current.numbered is said of a list kept with the other language's, with current.lag"
        )
    for name, value in (("days", days), ("years", years)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValueError(f"{where}: current.{name} must be a whole number of 0 or more")
    return {
        "current_days": days,
        "current_years": years,
        "report_months": current.get("report_months"),
        "period_months": current.get("period_months"),
        "upcoming": bool(upcoming),
        "schedule": bool(current.get("schedule", False)),
        "lag": bool(current.get("lag", False)),
        "lag_days": lag_days,
        "in_force": bool(current.get("in_force", False)),
        "numbered": bool(current.get("numbered", False)),
    }


def _indicator(item: str, spec: dict[str, Any]) -> Indicator:
    where = f"{item}/{spec.get('id')}"
    name = spec.get("name") or {}
    if set(name) != {"ru", "kk", "en"} or not all(name.get(lang) for lang in ("ru", "kk", "en")):
        raise ValueError(f"{where}: an indicator needs a name in ru, kk and en")
    keywords = _by_lang(spec, where)
    if not (keywords["kk"] and keywords["ru"]) and not spec.get("url") and not spec.get("detect"):
        raise ValueError(f"{where}: keywords in kk and ru, URL patterns or a detector are required")
    if not spec.get("detect"):
        keywords = {
            lang: _with_name(words, str(name[lang]), lang) if words else words for lang, words in keywords.items()
        }
    if spec.get("match", "anywhere") not in MATCH_SCOPES:
        raise ValueError(f"{where}: match must be one of {MATCH_SCOPES}")
    if spec.get("if_any") and spec.get("note"):
        raise ValueError(f'{where}: an indicator is either "(if any)" or the note\'s, not both')
    if spec.get("detect") not in (None, *DETECTORS):
        raise ValueError(f"{where}: detect must be one of {DETECTORS}")
    if set(spec.get("machine_readable", [])) - {"cgo", "mio"}:
        raise ValueError(f"{where}: machine_readable lists kinds of body (cgo, mio)")
    currency = _current(spec, where)
    if spec.get("official_language") not in (None, "kk", "ru"):
        raise ValueError(f"{where}: official_language is kk or ru")
    parts = spec.get("parts") or []
    if not isinstance(parts, list) or not all(isinstance(p, dict) and p.get("kk") and p.get("ru") for p in parts):
        raise ValueError(f"{where}: parts is a list of mappings of kk and ru keywords")
    together = spec.get("with") or {}
    if not isinstance(together, dict) or set(together) - {"kk", "ru", "url", "figures"}:
        raise ValueError(f"{where}: with is a mapping of kk, ru and url lists (and figures: true)")
    if not isinstance(together.get("figures", False), bool):
        raise ValueError(f"{where}: with.figures is true or false")
    return Indicator(
        id=str(spec["id"]),
        name={k: str(v) for k, v in name.items()},
        keywords=keywords,
        urls=tuple(str(u).lower() for u in spec.get("url", [])),
        match=str(spec.get("match", "anywhere")),
        detect=spec.get("detect"),
        if_any=bool(spec.get("if_any", False)),
        note=bool(spec.get("note", False)),
        applies_to=tuple(spec.get("applies_to", ("cgo", "mio"))),
        needs=spec.get("needs"),
        **currency,
        archive=bool(spec.get("archive", False)),
        reading=spec.get("reading"),
        together=_by_lang(together, f"{where}/with") if together.get("kk") or together.get("ru") else {},
        together_urls=tuple(str(u).lower() for u in together.get("url", [])),
        together_figures=bool(together.get("figures", False)),
        in_text_with=_by_lang(spec["in_text_with"], f"{where}/in_text_with") if spec.get("in_text_with") else {},
        not_under=_by_lang(spec["not_under"], f"{where}/not_under") if spec.get("not_under") else {},
        not_in_sentence_with=(
            _by_lang(spec["not_in_sentence_with"], f"{where}/not_in_sentence_with")
            if spec.get("not_in_sentence_with")
            else {}
        ),
        unless=_by_lang(spec["unless"], f"{where}/unless") if spec.get("unless") else {},
        expected_with=tuple(str(i) for i in spec.get("expected_with", [])),
        machine_readable=tuple(str(k) for k in spec.get("machine_readable", [])),
        official_language=spec.get("official_language"),
        named_anywhere=bool(spec.get("named_anywhere", False)),
        parts=tuple(
            Part({lang: str(p[lang][0]) for lang in ("kk", "ru")}, _by_lang(p, f"{where}/parts")) for p in parts
        ),
        per_item=_by_lang(spec["per_item"], f"{where}/per_item") if spec.get("per_item") else {},
        parts_min=_parts_min(spec, len(parts), where),
        parts_closed=bool(spec.get("parts_closed", False)),
        none_said=_by_lang(spec["none_said"], f"{where}/none_said") if spec.get("none_said") else {},
        listed_by_memos=bool(spec.get("listed_by_memos", False)),
        memos_from={str(k): str(v) for k, v in (spec.get("memos_from") or {}).items()},
        merged_into=str(spec["merged_into"]) if spec.get("merged_into") else None,
        with_contacts=bool(spec.get("with_contacts", False)),
        contact_at_all=bool(spec.get("contact_at_all", False)),
        each_entry=_entries(spec["each_entry"], f"{where}/each_entry") if spec.get("each_entry") else None,
        material=bool(spec.get("material", False)),
        apart_from=str(spec["apart_from"]) if spec.get("apart_from") else None,
        substantiated_by=_substantiated_by(spec, where),
    )


def _entries(spec: dict[str, Any], where: str) -> Entries:
    def parts(given: Any, name: str) -> tuple[Part, ...]:
        if not isinstance(given, list) or not all(isinstance(p, dict) and p.get("id") for p in given):
            raise ValueError(f"{where}: {name} is a list of mappings of an id and kk and ru keywords")
        return tuple(Part({lang: str(p["id"]) for lang in ("kk", "ru")}, _by_lang(p, f"{where}/{name}")) for p in given)

    names = _by_lang(spec.get("names") or {}, f"{where}/names")
    if not (names["kk"] and names["ru"]) or not spec.get("needs"):
        raise ValueError(f"{where}: the words naming an entry in kk and ru, and what each entry needs, are required")
    when = _by_lang(spec["when"], f"{where}/when") if spec.get("when") else {}
    return Entries(names, parts(spec["needs"], "needs"), when, parts(spec.get("also") or [], "also"))


SUBSTANTIATION = re.compile(r"[a-z0-9]+:[A-Z0-9.-]+/[a-z0-9_]+")  # «appendix15:A15-1.6/execution»


def _substantiated_by(spec: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    given = spec.get("substantiated_by") or {}
    if not isinstance(given, dict) or set(given) - {"cgo", "mio"}:
        raise ValueError(f"{where}: substantiated_by maps kinds of body to «vocabulary:item/indicator» lists")
    out = {}
    for body_kind, refs in given.items():
        if not isinstance(refs, list) or not all(isinstance(r, str) and SUBSTANTIATION.fullmatch(r) for r in refs):
            raise ValueError(f"{where}: substantiated_by.{body_kind} is a list of «vocabulary:item/indicator»")
        out[str(body_kind)] = tuple(refs)
    return out


def _parts_min(spec: dict[str, Any], listed: int, where: str) -> int | None:
    value = spec.get("parts_min")
    if value is None:
        return None
    if not isinstance(value, int) or not 1 <= value <= listed:
        raise ValueError(f"{where}: parts_min is a whole number from 1 to the number of parts ({listed})")
    return value


def section_from(item: str, spec: dict[str, Any]) -> Section:
    titles = _by_lang(spec.get("title") or {}, f"{item}/title")
    if not (titles["kk"] and titles["ru"]):
        raise ValueError(f"{item}: section titles in kk and ru are required")
    indicators = tuple(_indicator(item, i) for i in spec.get("indicators", []))
    if not indicators:
        raise ValueError(f"{item}: no indicators")
    return Section(
        item=item,
        titles=titles,
        urls=tuple(str(u).lower() for u in spec.get("url", [])),
        indicators=indicators,
        periodicity_days=spec.get("periodicity_days"),
        applies_to=tuple(spec.get("applies_to", ("cgo", "mio"))),
        absence_doubted=bool(spec.get("absence_doubted", False)),
    )


@functools.cache
def _raw(name: str) -> dict[str, Any]:
    return read("vocabulary", kind("vocabulary").named(name), where=f"ashyq/config/vocabulary/{name}.yaml")


@functools.cache
def _common() -> dict[str, Any]:
    return _raw("common")


def load(name: str, overrides: dict[str, Any] | None = None) -> Vocabulary:
    """The vocabulary ``ashyq/config/vocabulary/<name>.yaml`` with the shared phrases of ``common.yaml``."""
    raw, common = _raw(name), _common()
    sections = {}
    for item, spec in (raw.get("sections") or {}).items():
        sections[item] = section_from(item, merge(spec, (overrides or {}).get(item) or {}))
    return Vocabulary(
        sections=sections,
        empty_phrases=_by_lang(common["empty_phrases"], "empty_phrases"),
        repealed_phrases=_by_lang(common["repealed_phrases"], "repealed_phrases"),
        law_citations=_by_lang(common["law_citations"], "law_citations"),
        social_hosts=tuple(common["social_hosts"]),
        not_implementer_phrases=_by_lang(common["not_implementer_phrases"], "not_implementer_phrases"),
        none_phrases=_by_lang(common.get("none_phrases") or {}, "none_phrases"),
        pending_phrases=_by_lang(common.get("pending_phrases") or {}, "pending_phrases"),
        incomplete_phrases=_by_lang(common.get("incomplete_phrases") or {}, "incomplete_phrases"),
    )


@functools.cache
def load_cached(name: str) -> Vocabulary:
    return load(name)


def vocabulary_for(name: str, config: dict[str, Any]) -> Vocabulary:
    overrides = (config.get("vocabulary") or {}) if isinstance(config, dict) else {}
    return load(name, overrides) if overrides else load_cached(name)
