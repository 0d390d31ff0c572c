"""What a page shows only in the dialogs its cards open is part of the page the harvest records.

A district akimat's vacancies are a grid of cards: a click on a Kazakh card fetches its text into a
``<dialog>``; a Russian card (``div`` with ``onclick``) shows a hidden ``role="dialog"`` panel filled by
a fetch. One Kazakh card is a link with a page of its own (the script would open it in the dialog too):
it is followed as a page, never clicked. A plain page whose ``div`` answers a click but has no place for
a dialog is read as served, with nothing clicked. The recorded page keeps its own markup (a ``div`` that
answers a mouse click only stays so for Appendix 14 3.3) and holds each dialog's content in a section
named by its card."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl_body, render_page

from ashyq.base.text import fold_kazakh
from ashyq.checks.completeness.corpus import desktop_units
from ashyq.crawler.spiders.site_dialogs import Dialog, DialogLimits, has_dialog_markup, with_dialogs
from ashyq.crawler.spiders.site_render import RenderedPage
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.store.db import session_scope
from ashyq.store.models import Run

SITE = "https://audan-akimat.gov.kz"

KK_CARDS = """<main><h1>Бос орындар</h1><div class="cards">
<div class="card" data-card="kk-maman"><h3>Бас маман</h3><p>жер қатынастары бөлімі</p></div>
<div class="card" data-card="kk-esepshi"><h3>Есепші</h3><p>қаржы бөлімі</p></div>
<a class="card" href="/kk/konkurs" data-card="kk-konkurs"><h3>Конкурс қорытындылары</h3></a>
</div></main>
<dialog id="card-dialog"><div id="card-body"></div><button type="button" id="card-close">Жабу</button></dialog>
<script src="/static/cards.js" defer></script>"""

CARDS_JS = """
(function () {
  var dialog = document.getElementById('card-dialog');
  var body = document.getElementById('card-body');
  document.getElementById('card-close').addEventListener('click', function () { dialog.close(); });
  document.querySelectorAll('.card[data-card]').forEach(function (card) {
    card.addEventListener('click', function (event) {
      event.preventDefault();
      fetch('/kk/card?id=' + card.getAttribute('data-card'))
        .then(function (a) { return a.text(); })
        .then(function (html) { body.innerHTML = html; dialog.showModal(); });
    });
  });
})();
"""

RU_CARDS = """<main><h1>Вакансии</h1><ul class="list">
<li class="vacancy" onclick="openCard('ru-specialist')"><h3>Главный специалист</h3></li>
<li class="vacancy" onclick="openCard('ru-buhgalter')"><h3>Бухгалтер</h3></li>
</ul>
<div class="post"><h3>Ведущий специалист</h3><p>отдел образования</p>
<button type="button" data-bs-toggle="modal" data-bs-target="#post-3">Подробнее</button></div></main>
<div class="modal" id="post-3" role="dialog" aria-modal="true" style="display:none"><div class="modal-body">
<p>Требования к кандидату: высшее педагогическое образование.</p></div></div>
<div class="modal" id="panel" role="dialog" aria-modal="true" style="display:none"><div class="modal-body"></div>
<button type="button" onclick="closeCard()">Закрыть</button></div>
<script>
function openCard(id) {
  fetch('/ru/card?id=' + id).then(function (a) { return a.text(); }).then(function (html) {
    var panel = document.getElementById('panel');
    panel.querySelector('.modal-body').innerHTML = html; panel.style.display = 'block';
  });
}
function closeCard() { document.getElementById('panel').style.display = 'none'; }
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape') { closeCard(); document.getElementById('post-3').style.display = 'none'; }
});
document.querySelectorAll('[data-bs-toggle=modal]').forEach(function (b) {
  b.addEventListener('click', function () {
    document.querySelector(b.getAttribute('data-bs-target')).style.display = 'block';
  });
});
</script>"""

FRAGMENTS = {
    "kk-maman": "<h2>Бас маман</h2><p>Біліктілік талаптары: жоғары заң білімі, мемлекеттік қызмет өтілі екі жыл.</p>"
    '<p><a href="/files/talaptar.pdf">Лауазымдық нұсқаулық</a></p>',
    "kk-esepshi": "<h2>Есепші</h2><p>Құжаттарды қабылдау мерзімі: хабарландыру жарияланған күннен бастап жеті күн.</p>",
    "kk-konkurs": "<h2>Конкурс қорытындылары</h2><p>Бұл мәтін сілтеме арқылы ашылмауы тиіс.</p>",
    "ru-specialist": "<p>Квалификационные требования: высшее юридическое образование, стаж два года.</p>",
    "ru-buhgalter": "<p>Документы принимаются в течение семи дней со дня объявления.</p>",
    "trap": "<p>Это окно не должно открываться.</p>",
}

PAGES = {
    "/": ("kk", "Аудан әкімдігі", '<main><a href="/ru/">Русский</a> <a href="/kk/bos-oryndar">Бос орындар</a></main>'),
    "/ru/": (
        "ru",
        "Акимат района",
        '<main><a href="/">Қазақша</a> <a href="/ru/vakansii">Вакансии</a> <a href="/ru/o-nas">О нас</a></main>',
    ),
    "/kk/bos-oryndar": ("kk", "Бос орындар", KK_CARDS),
    "/kk/konkurs": ("kk", "Конкурс", "<main><h1>Конкурс қорытындылары</h1><p>Жеңімпаздар тізімі.</p></main>"),
    "/ru/vakansii": ("ru", "Вакансии", RU_CARDS),
    # a div that answers a click, but no place for a dialog: the page is not worth opening
    "/ru/o-nas": (
        "ru",
        "О нас",
        '<main><h1>О нас</h1><div style="cursor:pointer" onclick="fetch(\'/ru/card?id=trap\')">Подробнее</div></main>',
    ),
}


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[ServedApp, list[str]]]:
    asked: list[str] = []

    async def page(request: web.Request) -> web.Response:
        asked.append(request.path_qs)
        if request.path == "/static/cards.js":
            return web.Response(text=CARDS_JS, content_type="application/javascript")
        if request.path.endswith("/card"):
            return web.Response(text=FRAGMENTS.get(request.query.get("id", ""), ""), content_type="text/html")
        if request.path not in PAGES:
            return web.Response(status=404, text="not found")
        lang, title, body = PAGES[request.path]
        return web.Response(
            text=f'<!doctype html><html lang="{lang}"><head><title>{title}</title>'
            f"<style>.card{{cursor:pointer}} .vacancy{{cursor:pointer}}</style></head><body>{body}</body></html>",
            content_type="text/html",
            charset="utf-8",
        )

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    served = ServedApp(app)
    try:
        yield served, asked
    finally:
        served.stop()


@pytest.fixture(scope="module")
def harvest(site: tuple[ServedApp, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    served, _ = site
    body = {"id": "audan", "kind": "mio", "names": {"kk": "Аудан", "ru": "Район"}}
    return crawl_body(tmp_path_factory.mktemp("dialogs"), served, SITE, body)


def _units(harvest: Crawl) -> dict[str, object]:
    with session_scope(harvest.db_url) as session:
        run = session.get(Run, harvest.summary.run_id)
        assert run is not None
        return {u.url: u for u in desktop_units(load_artifacts(session, run, "audan", harvest.out_dir))}


def _dom(harvest: Crawl, url: str) -> str:
    """The page as the harvest recorded it (the rendered DOM, from the WARC)."""
    ((rendered,),) = harvest.rows("SELECT rendered FROM page WHERE url = :url", url=url)
    assert rendered, url
    return str(_units(harvest)[url].html)  # type: ignore[attr-defined]


@pytest.mark.browser
@pytest.mark.slow
def test_the_dialogs_cards_open_are_read_into_the_recorded_page(harvest: Crawl) -> None:
    units = _units(harvest)
    kk = units[f"{SITE}/kk/bos-oryndar"]
    assert fold_kazakh("жоғары заң білімі") in kk.main  # type: ignore[attr-defined]
    assert fold_kazakh("хабарландыру жарияланған күннен бастап жеті күн") in kk.main  # type: ignore[attr-defined]
    ru = units[f"{SITE}/ru/vakansii"]
    assert "высшее юридическое образование" in ru.main  # type: ignore[attr-defined]
    assert "в течение семи дней" in ru.main  # type: ignore[attr-defined]
    # a modal written in the markup outside <main>: its text is the content once, in its section
    assert ru.main.count("высшее педагогическое образование") == 1  # type: ignore[attr-defined]
    dom = _dom(harvest, f"{SITE}/kk/bos-oryndar")
    sections = re.findall(r'<section data-ashyq-dialog="([^"]*)">', dom)
    assert sections == ["Бас маман", "Есепші"]
    assert re.findall(r'<section data-ashyq-dialog="([^"]*)"><h2>', _dom(harvest, f"{SITE}/ru/vakansii")) == [
        "Главный специалист",
        "Бухгалтер",
        "Ведущий специалист",
    ]  # a dialog without a heading of its own is headed by its card's label (the post's, not its button's)
    # the dialog's links are the page's links: the job description is a download of the page
    links = "SELECT target_url FROM link l JOIN page p ON p.id = l.page_id WHERE p.url = :u"
    targets = {t for (t,) in harvest.rows(links, u=f"{SITE}/kk/bos-oryndar")}
    assert f"{SITE}/files/talaptar.pdf" in targets


@pytest.mark.browser
@pytest.mark.slow
def test_the_page_s_own_markup_is_kept_as_it_was(harvest: Crawl) -> None:
    dom = _dom(harvest, f"{SITE}/kk/bos-oryndar")
    assert "data-ashyq-control" not in dom
    assert '<div class="card" data-card="kk-maman"><h3>Бас маман</h3>' in dom  # no role, no tabindex added


@pytest.mark.browser
@pytest.mark.slow
def test_a_card_that_is_a_link_is_followed_not_clicked_and_a_plain_page_is_not_clicked(
    harvest: Crawl, site: tuple[ServedApp, list[str]]
) -> None:
    _, asked = site
    assert "/kk/card?id=kk-konkurs" not in asked
    assert "/ru/card?id=trap" not in asked
    pages = dict(harvest.rows("SELECT url, rendered FROM page WHERE body_id = 'audan'"))
    assert f"{SITE}/kk/konkurs" in pages
    assert not pages[f"{SITE}/ru/o-nas"]  # no place for a dialog: read as served, at no cost
    assert not pages[f"{SITE}/"]


@pytest.mark.browser
@pytest.mark.slow
def test_the_requests_the_clicks_make_are_archived(harvest: Crawl) -> None:
    archived = b"".join(gzip.decompress(path.read_bytes()) for path in harvest.warc_files())
    assert b"/kk/card?id=kk-maman" in archived
    assert "высшее юридическое образование".encode() in archived


def test_a_page_is_worth_opening_only_with_a_place_for_a_dialog() -> None:
    assert has_dialog_markup(b'<dialog id="d"></dialog>')
    assert has_dialog_markup('<div class="modal fade" tabindex="-1">')
    assert has_dialog_markup(b'<button data-bs-toggle="modal" data-bs-target="#m">')
    assert has_dialog_markup(b'<div role="dialog" aria-modal="true">')
    assert not has_dialog_markup(b'<div class="modality" onclick="go()">Read</div>')
    assert not has_dialog_markup("<main><p>Мәтін</p></main>")


def test_dialogs_are_appended_inside_the_main_content_named_by_their_cards() -> None:
    page = "<html><body><main><h1>Бос орындар</h1></main><footer>f</footer></body></html>"
    out = with_dialogs(
        page,
        [
            Dialog("Бас маман", "<h2>Бас маман</h2><p>Талаптар</p>", "Бас маман Талаптар"),
            Dialog('A "b" <c>', "<p>x</p>", "x"),
        ],
    )
    assert out == (
        '<html><body><main><h1>Бос орындар</h1><section data-ashyq-dialog="Бас маман"><h2>Бас маман</h2><p>Талаптар</p>'
        '</section><section data-ashyq-dialog="A &quot;b&quot; &lt;c&gt;"><h2>A &quot;b&quot; &lt;c&gt;</h2><p>x</p>'
        "</section></main><footer>f</footer></body></html>"
    )
    assert with_dialogs(page, []) == page


# ── the limits, on the renderer alone ───────────────────────────────────────────────────────────

LIMITS_PAGE = """<!doctype html><html lang="ru"><head><title>Услуги</title>
<style>.tile{cursor:pointer}</style></head><body><main><h1>Услуги</h1>
<div class="tile" onclick="location.href='/ru/uslugi/spravka'"><h3>Справка с места жительства</h3></div>
<div class="tile" data-card="pasport"><h3>Паспорт услуги</h3></div>
<p><a href="javascript:void(0)" onclick="show('Утвержден приказом от 5 марта 2024 года.')">Регламент услуги</a></p>
</main><dialog id="d"><div id="b"></div></dialog>
<script>
function show(text) { document.getElementById('b').textContent = text; document.getElementById('d').showModal(); }
document.querySelector('[data-card]').addEventListener('click', function () {
  show('Срок оказания услуги: пять рабочих дней.');
});
</script></body></html>"""

QUIET_PAGE = (
    '<!doctype html><html lang="ru"><head><title>Новости</title><style>.n{cursor:pointer}</style></head><body><main>'
    + "".join(f'<div class="n"><h3>Новость {n}</h3></div>' for n in range(6))
    + '<div class="n" data-card="late"><h3>Поздняя карточка</h3></div></main><dialog id="d"></dialog>'
    "<script>document.querySelector('[data-card]').addEventListener('click', function () {"
    "document.getElementById('d').textContent = 'Не должно быть прочитано'; document.getElementById('d').showModal();"
    "});</script></body></html>"
)


def _render(url: str, served: ServedApp, tmp: Path) -> RenderedPage:
    return render_page(url, SITE, served, tmp, dialogs=DialogLimits())


@pytest.mark.browser
@pytest.mark.slow
def test_a_control_that_leads_to_a_page_is_a_route_and_the_next_controls_are_still_read(tmp_path: Path) -> None:
    async def page(request: web.Request) -> web.Response:
        text = {"/ru/uslugi": LIMITS_PAGE, "/ru/novosti": QUIET_PAGE}.get(request.path, "<p>Справка</p>")
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    served = ServedApp(app)
    try:
        rendered = _render(f"{SITE}/ru/uslugi", served, tmp_path)
        quiet = _render(f"{SITE}/ru/novosti", served, tmp_path / "quiet")
    finally:
        served.stop()
    assert f"{SITE}/ru/uslugi/spravka" in rendered.routes
    assert rendered.dialogs == 2
    section = r'<section data-ashyq-dialog="Паспорт услуги"><h2>Паспорт услуги</h2>.*Срок оказания услуги'
    assert re.search(section, rendered.html)
    assert re.search(r'<section data-ashyq-dialog="Регламент услуги"><h2>Регламент услуги</h2>.*5 марта', rendered.html)
    # four controls in a row that open nothing: the page is taken to open no dialog (a bounded cost)
    assert quiet.dialogs == 0 and "Не должно быть прочитано" not in quiet.html.split("</main>")[0]
