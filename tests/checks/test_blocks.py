"""A page's content as blocks under headings: what a reader scans, with the language and the time
each block speaks of."""

from __future__ import annotations

from datetime import date

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.base.memo import for_the_last
from ashyq.base.routes import wrapped_target
from ashyq.base.text import normalise
from ashyq.checks.completeness.corpus import desktop_units
from ashyq.checks.completeness.page_blocks import block_lang, content_blocks, periods_in, time_marks
from ashyq.checks.completeness.readings import hides_nothing, read_plainer

PAGE = """<html><body>
<nav><a href="/budget">Бюджет</a> <a href="/news">Новости</a></nav>
<header>Министерство</header>
<main>
  <h1>Исполнение бюджета</h1>
  <p>Отчет по итогам 9 месяцев 2025 года. <a href="/files/report.pdf">Скачать</a></p>
  <h2>Годовой отчет</h2><p>Отчет за 2024 год.</p>
  <p><b>Финансовая отчетность</b></p><p>Баланс на 01.07.2025.</p>
  <p>Дата публикации: 12.11.2026</p>
</main>
<footer>© 2009–2026 Министерство</footer>
</body></html>"""


def test_blocks_follow_headings_and_leave_out_the_menu() -> None:
    blocks = content_blocks(PAGE)
    headings = [b.heading for b in blocks]
    assert headings == ["исполнение бюджета", "годовой отчет", "финансовая отчетность"]
    assert blocks[1].above == ("исполнение бюджета",)
    assert "/files/report.pdf" in blocks[0].hrefs
    assert not any("новости" in b.all_text for b in blocks)  # the navigation is not content
    assert blocks[0].raw_heading == "Исполнение бюджета"


def test_blocks_know_their_time() -> None:
    first, second, third = content_blocks(PAGE)
    assert first.periods == (date(2025, 9, 30),)
    assert second.periods == (date(2024, 12, 31),)
    assert third.dates == (date(2025, 7, 1),)
    assert third.stamps == (date(2026, 11, 12),)  # the page's own stamp is not what it reports on


def test_a_copyright_line_names_no_year() -> None:
    (block,) = content_blocks("<main><h2>Статистика</h2><p>Данные 2023 года. © 2009–2026 Министерство</p></main>")
    assert block.years == (2023,)


def test_periods_in_kazakh_and_russian() -> None:
    assert periods_in(normalise("2025 жылғы 9 айда")) == (date(2025, 9, 30),)
    assert periods_in(normalise("за II полугодие 2025 года")) == (date(2025, 12, 31),)
    assert periods_in(normalise("2025 жылдың 1-тоқсаны")) == (date(2025, 3, 31),)
    assert periods_in(normalise("просто текст 2025")) == ()
    # the Roman numeral in the Cyrillic «І», as Kazakh pages write it
    assert periods_in(normalise("2026 жылғы ІІ жартыжылдық")) == (date(2026, 12, 31),)
    assert periods_in(normalise("2026 жылғы І жартыжылдық")) == (date(2026, 6, 30),)


def test_time_marks_separate_stamps() -> None:
    named, stamps = time_marks("Приказ от 03.11.2026. Жаңартылған күні: 12.11.2026")
    assert named == (date(2026, 11, 3),)
    assert stamps == (date(2026, 11, 12),)


def test_block_language_is_cautious_for_short_kazakh_headings() -> None:
    assert block_lang("Талдамалық баяндамалар мен шолулар. Талдамалық баяндамалар мен шолулар.") == "kk"
    assert block_lang("Аналитические доклады и обзоры деятельности министерства за год") == "ru"
    assert block_lang("Итоги") is None


TABS_AND_ACCORDION = """<html><body><main>
<h2>Қала туралы</h2>
<div class="tabs"><div class="tabs__row">
  <div class="tab on" data-pane="t0" onclick="show(this)">Паспорт</div>
  <div class="tab" data-pane="t1" onclick="show(this)">Өнеркәсіп</div>
</div>
<div class="pane" data-pane="t0"><p>Қала халқы 95,4 мың адам.</p></div>
<div class="pane" data-pane="t1" style="display:none"><p>Өнеркәсіп өндірісінің көлемі 88,1 млрд теңге.</p></div></div>
<div class="acc"><button type="button" aria-expanded="false">Мемлекеттік Әнұран</button>
<div class="acc__body" hidden><p>Алтын күн аспаны, Алтын дән даласы</p></div></div>
<div role="tablist"><button role="tab" aria-controls="p1">Денсаулық сақтау</button>
<button role="tab" aria-controls="p2">Білім беру</button></div>
<div role="tabpanel" id="p1"><p>Қалалық аурухана, 3 емхана.</p></div>
<div role="tabpanel" id="p2" hidden><p>19 мектеп.</p></div>
</main></body></html>"""


def test_a_tab_label_heads_its_panel_and_an_accordion_button_its_body() -> None:
    # the panels are in the page's HTML (hidden until clicked): each under its label, as a reader opens it
    blocks = {b.heading: b for b in content_blocks(TABS_AND_ACCORDION)}
    assert set(blocks) >= {"паспорт", "өнеркәсіп", "мемлекеттік әнұран", "денсаулық сақтау", "білім беру"}
    assert "88,1" in blocks["өнеркәсіп"].text and "өнеркәсіп" not in blocks["паспорт"].text  # not the tab row
    assert blocks["өнеркәсіп"].above == ("қала туралы",)
    assert "алтын күн" in blocks["мемлекеттік әнұран"].text
    assert "аурухана" in blocks["денсаулық сақтау"].text and "мектеп" in blocks["білім беру"].text


def test_a_feed_harvested_at_a_page_address_is_no_page_of_the_corpus() -> None:
    # the RSS feed of the news page (application/rss+xml) is for feed readers: the content checks read the page
    feed = PageSnapshot(
        "https://example.gov.kz/kk/news?format=feed&type=rss",
        "kk",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Жаңалықтар</title></channel></rss>',
        headers={"Content-Type": "application/rss+xml; charset=utf-8"},
    )
    page = PageSnapshot(
        "https://example.gov.kz/kk/news", "kk", "<html><body><main><h1>Жаңалықтар</h1></main></body></html>"
    )
    artifacts = BodyArtifacts("case", "mio", date(2026, 11, 20), pages=[feed, page])
    assert feed.is_html is False and page.is_html is True
    assert [u.url for u in desktop_units(artifacts)] == ["https://example.gov.kz/kk/news"]


def test_a_reading_is_kept_for_the_last_collection_only_while_it_is_unchanged() -> None:
    calls: list[int] = []

    @for_the_last
    def counted(items: list[int]) -> int:
        calls.append(len(items))
        return sum(items)

    first = [1, 2]
    assert counted(first) == 3 and counted(first) == 3 and calls == [2]  # the same collection: read once
    first.append(4)
    assert counted(first) == 7 and calls == [2, 3]  # grown since: read again
    assert counted([1, 2]) == 3 and calls == [2, 3, 2]  # an equal but other collection: read again


def test_a_failed_address_read_with_fewer_parameters_is_another_form_of_a_read_page() -> None:
    read = ["https://example.gov.kz/ru/kadr.html", "https://example.gov.kz/index.php?id=3&lang=ru"]
    assert read_plainer("https://example.gov.kz/ru/kadr.html?special=1", read)
    assert read_plainer("https://example.gov.kz/index.php?id=3&lang=ru&print=1", read)
    assert not read_plainer("https://example.gov.kz/index.php?id=5&lang=ru", read)  # another page
    assert not read_plainer("https://example.gov.kz/ru/other.html?special=1", read)
    assert not read_plainer("https://example.gov.kz/ru/kadr.html", read)  # no parameter: the page itself


def test_a_failed_link_wrapper_or_file_hides_nothing_of_the_body() -> None:
    own = ["example.gov.kz", "docs.example.gov.kz"]
    read = ["https://example.gov.kz/kk/kadr"]
    wrapper = "https://docs.example.gov.kz/url?q={}&sa=D&source=editors"
    assert wrapped_target(wrapper.format("https%3A%2F%2Fadilet.zan.kz%2Fkaz%2Fdocs%2FZ1500000416")) == (
        "https://adilet.zan.kz/kaz/docs/Z1500000416"
    )
    assert hides_nothing(wrapper.format("https%3A%2F%2Fadilet.zan.kz%2Fkaz%2Fdocs%2FZ1500000416"), read, own)
    assert hides_nothing(wrapper.format("https%3A%2F%2Fexample.gov.kz%2Fkk%2Fkadr"), read, own)  # read itself
    assert hides_nothing("https://example.gov.kz/files/kadr-2026.docx", read, own)  # a file
    assert not hides_nothing(wrapper.format("https%3A%2F%2Fexample.gov.kz%2Fkk%2Fvacancies"), read, own)
    assert not hides_nothing("https://example.gov.kz/kk/vacancies", read, own)


def test_a_word_split_between_two_abutting_runs_is_read_as_one_word() -> None:
    """A converter's (or a word processor's) text runs break words where the reader sees none: «Почтовый ад» and
    «рес» in two ``span``s with nothing between them are «Почтовый адрес» on the screen, in kk as in ru. Runs with a
    space between them, a spacer run between them, or a run opening a new capitalised word, stay apart."""
    page = """<html><body><main><h1>{h}</h1>
    <div class="t"><span class="ls0">{a}</span><span class="ls1">{b}</span></div>
    <div class="t"><span>{c}</span> <span>{d}</span></div>
    <div class="t"><span>{e}</span><span>{f}</span></div>
    <div class="t"><span>{g}</span><span class="_ _1"> </span><span>{h}</span></div>
    </main></body></html>"""
    kk = dict(h="Байланыс", a="Пошта мекен", b="жайы: Ақбидай ауылы", c="Жүктеу", d="файл")
    kk |= dict(e="Әкімдік", f="Ақбидай ауданы", g="Қабылдау", h="бөлмесі")
    ru = dict(h="Контакты", a="Почтовый ад", b="рес: село Акбидай", c="Скачать", d="файл")
    ru |= dict(e="Акимат", f="Акбидайского района", g="Приемная", h="акима")
    for words, joined, apart, capital, spaced in (
        (kk, "пошта мекенжайы: ақбидай ауылы", "жүктеу файл", "әкімдік ақбидай", "қабылдау бөлмесі"),
        (ru, "почтовый адрес: село акбидай", "скачать файл", "акимат акбидайского", "приемная акима"),
    ):
        text = normalise(content_blocks(page.format(**words))[0].text)
        assert joined in text and apart in text and capital in text and spaced in text, text
