"""Pages whose markup holds text that opens on demand from an element that is no control (a FAQ of
``div`` questions over ``hidden`` answers) are sent to the browser, which alone tells whether the
keyboard can open them (Appendix 14 row 3.3, WCAG 2.1.1): the template's one page may not be one."""

from __future__ import annotations

import pytest

from ashyq.base.artifacts import PageSnapshot
from ashyq.checks.accessibility.visual import opened_by_no_control
from ashyq.checks.accessibility.website import parse

FAQ_DIVS_RU = (
    '<div class="faq"><div class="faq-q">Как получить архивную справку?</div><div class="faq-a" hidden><p>Подайте'
    " запрос через портал электронного правительства или в отделении Государственной корпорации.</p></div></div>"
)
FAQ_DIVS_KK = (
    '<div class="qa"><h3 class="q">Мұрағаттық анықтаманы қалай алуға болады?</h3><div class="a" style="display: none">'
    "<p>Сұрауды электрондық үкімет порталы арқылы немесе Мемлекеттік корпорацияның бөлімшесінде беріңіз.</p>"
    "</div></div>"
)
FAQ_BUTTONS_RU = (
    '<div class="faq"><button aria-expanded="false">Как получить архивную справку?</button><div hidden><p>Подайте'
    " запрос через портал электронного правительства или в отделении Государственной корпорации.</p></div></div>"
)
# a news list a script fills, and the line it shows at the end of the list: nothing to click on
FEED_END_KK = (
    '<ul id="feed" data-src="/api/news?page=1&amp;lang=kk" aria-live="polite"></ul>'
    '<p id="feed-end" hidden>Барлық жаңалықтар көрсетілді.</p>'
)
FAQ_DETAILS_KK = (
    "<details><summary>Мұрағаттық анықтаманы қалай алуға болады?</summary><p>Сұрауды электрондық үкімет порталы"
    " арқылы беріңіз.</p></details>"
)

# a builder's toggle card, its answer hidden by the style sheet (no ``hidden``, no inline style), its heading no control
TOGGLE_CARD_KK = (
    '<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-heading">'
    '<h4 class="kg-toggle-heading-text">Фитосанитариялық сертификатты қалай алуға болады?</h4></div>'
    '<div class="kg-toggle-content"><p>Өтінішті elicense.kz порталы арқылы беріңіз; сертификат 3 жұмыс күні ішінде'
    " беріледі.</p></div></div>"
)
TOGGLE_CARD_BUTTON_RU = (
    '<div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-heading">'
    '<h4 class="kg-toggle-heading-text">Как получить фитосанитарный сертификат?</h4><button class="kg-toggle-card-icon"'
    ' aria-expanded="false">Открыть</button></div><div class="kg-toggle-content"><p>Подайте заявку через портал'
    " elicense.kz; сертификат выдается в течение трех рабочих дней.</p></div></div>"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (FAQ_DIVS_RU, True),
        (FAQ_DIVS_KK, True),
        (TOGGLE_CARD_KK, True),
        (FAQ_BUTTONS_RU, False),
        (TOGGLE_CARD_BUTTON_RU, False),
        (FAQ_DETAILS_KK, False),
        (FEED_END_KK, False),
    ],
    ids=["divs-ru", "heading-kk", "toggle-card-kk", "buttons-ru", "toggle-card-button-ru", "details-kk", "feed-end-kk"],
)
def test_text_opened_by_no_control_is_for_the_browser(body: str, expected: bool) -> None:
    page = PageSnapshot(
        url="https://example.gov.kz/ru/faq", lang="ru", html=f"<html><body><main>{body}</main></body></html>"
    )
    assert opened_by_no_control(parse(page)) is expected


SIGN_UP = (
    '<form class="subscribe" action="/members/api/send-magic-link/"><input type="email" name="email" required>'
    '<button>Жазылу</button><p class="message-error" hidden>Қате орын алды, қайталап көріңіз.</p></form>'
)


def test_a_form_the_template_puts_on_every_page_is_confirmed_once() -> None:
    """A newsletter's sign-up box on every page is one form for the browser to send wrongly, not a reason to
    measure every page: the pages with a form of their own and the FAQ are confirmed instead."""
    from datetime import date

    from ashyq.base.artifacts import BodyArtifacts
    from ashyq.checks.accessibility.visual import to_confirm

    base = "https://example.gov.kz/kk/"
    bodies = {f"post-{n}/": f"<p>Жаңалық {n}: аудан әкімдігінің отырысы өтті.</p>" for n in range(1, 9)}
    bodies["suraq/"] = (
        '<form action="/kk/suraq/"><textarea name="message" required></textarea><input name="name" required></form>'
    )
    bodies["faq/"] = TOGGLE_CARD_KK
    pages = [
        PageSnapshot(
            url=base + path,
            lang="kk",
            html=f"<html><body><main>{main}</main><footer>{SIGN_UP}</footer></body></html>",
        )
        for path, main in bodies.items()
    ]
    artifacts = BodyArtifacts("site", "mio", date(2026, 11, 20), site_urls=(base,), pages=pages)
    confirmed = to_confirm(artifacts)
    assert confirmed == {
        base + "post-1/": "a form to fill in",
        base + "suraq/": "a form to fill in",
        base + "faq/": "text that opens on demand from an element that is no control",
    }


def test_content_a_narrow_window_may_hide_is_confirmed_in_the_browser_not_the_templates_own() -> None:
    """Row 3.7 at 200 %: a page holding a wide table (a vacancies table of four columns) or a block of its own classed
    as hidden on phones (a builder's «elementor-hidden-mobile» contacts column) is measured in the browser beyond one
    page per template, one page per kind of such content; a menu the header hides on phones (every page's) is the
    template's, measured with it."""
    from datetime import date

    from ashyq.base.artifacts import BodyArtifacts
    from ashyq.checks.accessibility.visual import to_confirm

    base = "https://example.gov.kz/ru/"
    header = '<header><nav class="mega d-none d-lg-block"><a href="/ru/">Главная</a></nav></header>'
    bodies = {
        "novosti/": "<p>Аким района провёл приём граждан по вопросам благоустройства.</p>",
        "vakansii/": (
            '<table class="mw-table mw-table--wide"><tr><th>Должность</th><th>Категория</th><th>Требования</th>'
            "<th>Обязанности</th></tr><tr><td>Главный специалист</td><td>E-R-4</td><td>Высшее образование</td>"
            "<td>Учёт обращений</td></tr></table>"
        ),
        "rukovodstvo/": (
            '<div class="elementor-column"><h2>Заместитель акима</h2></div>'
            '<div class="elementor-column elementor-hidden-mobile"><p>Тел. 8 (71136) 3-12-07</p></div>'
        ),
        "kontakty/": "<table><tr><th>Приёмная</th><td>8 (71136) 3-11-45</td></tr></table>",
    }
    # the site's documents table on every list: one page of it is measured for all
    docs = '<table class="mw-table"><tr><th>№</th><th>Название</th><th>Дата</th><th>Файл</th></tr></table>'
    bodies |= {"dokumenty/": docs, "dokumenty/2025/": docs, "dokumenty/2024/": docs}
    pages = [
        PageSnapshot(url=base + path, lang="ru", html=f"<html><body>{header}<main>{main}</main></body></html>")
        for path, main in bodies.items()
    ]
    artifacts = BodyArtifacts("site", "mio", date(2026, 11, 20), site_urls=(base,), pages=pages)
    assert set(to_confirm(artifacts)) == {base + "vakansii/", base + "rukovodstvo/", base + "dokumenty/"}


def test_text_opened_on_demand_by_a_widget_every_page_repeats_is_confirmed_on_its_first_page() -> None:
    """A news calendar whose days open their events from ``div``s sits on every page: the browser confirms it once, and
    still confirms a FAQ of another kind on its own page."""
    from datetime import date

    from ashyq.base.artifacts import BodyArtifacts
    from ashyq.checks.accessibility.visual import to_confirm

    base = "https://example.gov.kz/kk/"
    calendar = (
        '<div class="cal"><div class="cal-day">12</div><div class="cal-events" hidden>Әкімнің азаматтарды қабылдауы, '
        "сағат 10:00, әкімдіктің мәжіліс залы.</div></div>"
    )
    faq = (
        '<div class="faq"><div class="faq-q">ЖК-ны қалай тіркеуге болады?</div><div class="faq-a" hidden>eGov порталы '
        "арқылы хабарлама беріп, тегін тіркелуге болады.</div></div>"
    )
    bodies = {f"news-{n}/": f"<p>Жаңалық {n}.</p>{calendar}" for n in range(1, 5)} | {"faq/": faq + calendar}
    pages = [
        PageSnapshot(url=base + path, lang="kk", html=f"<html><body><main>{main}</main></body></html>")
        for path, main in bodies.items()
    ]
    artifacts = BodyArtifacts("site", "mio", date(2026, 11, 20), site_urls=(base,), pages=pages)
    assert set(to_confirm(artifacts)) == {base + "news-1/", base + "faq/"}
