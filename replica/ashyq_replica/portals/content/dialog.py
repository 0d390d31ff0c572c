"""dialog.egov.kz content of one body: the first head's blog, its archive of questions, and the
internet conferences and polls.

As on the real portal, appeals to blogs stopped in January 2023: every question predates
``QUESTIONS_CLOSED``, while posts, conferences and polls continue up to ``as_of``. A "year" of posts
is the 365 days up to ``as_of``; a few older posts sit in the archive before that window.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Literal

from ashyq.base.working_days import HalfYear, complete_half_years, half_year_bounds, half_year_of, previous_half_year
from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.calendar import QUESTIONS_CLOSED
from ashyq_replica.portals.content.model import LANGS, Bilingual, Blog, BlogPost, DialogEvent, Lang, Question
from ashyq_replica.portals.content.profiles import DialogProfile
from ashyq_replica.portals.content.wording import (
    ANSWERS,
    BLOG_POST_BODY,
    BLOG_POST_TITLES,
    CONFERENCE_TITLES,
    OPEN_DATA_CONFERENCE,
    OPEN_DATA_POLL,
    POLL_OPTIONS,
    POLL_TITLES,
    QUESTION_CATEGORIES,
    QUESTIONS,
)

B = Bilingual
QUESTIONS_OPENED = date(2019, 3, 1)
EVENT_HALF_YEARS = 5  # the half-years (current one included) that carry conferences and polls

HEADS: dict[str, tuple[Bilingual, Bilingual]] = {
    "enbek": (B("Айгүл Сәрсенбайқызы Нұрғалиева", "Айгуль Сарсенбаевна Нургалиева"), B("Министр", "Министр")),
    "adilet": (B("Ғалымжан Ерланұлы Тұрсынов", "Галымжан Ерланович Турсынов"), B("Министр", "Министр")),
    "mod": (B("Бақытжан Әлібекұлы Сейітов", "Бахытжан Алибекович Сеитов"), B("Министр", "Министр")),
    "astana": (B("Дәурен Мұратұлы Қалиев", "Даурен Муратович Калиев"), B("Қала әкімі", "Аким города")),
    "karaganda": (B("Ерболат Сағынтайұлы Жүнісов", "Ерболат Сагынтаевич Жунусов"), B("Облыс әкімі", "Аким области")),
    "kostanay": (B("Нұрлан Қайратұлы Әбенов", "Нурлан Кайратович Абенов"), B("Облыс әкімі", "Аким области")),
    "enbek-center": (
        B("Ләззат Бекқызы Омарова", "Ляззат Бековна Омарова"),
        B("Басқарма төрағасы", "Председатель правления"),
    ),
}


def build_blog(world: World, body: WorldBody, profile: DialogProfile | None, index: int) -> Blog | None:
    if profile is None or body.ids.dialog_blog_id is None:
        return None
    rng = world.rng("dialog", body.id)
    head, position = HEADS[body.id]
    welcome = B(
        "Құрметті азаматтар! Блогыма қош келдіңіздер. Мұнда атқарылып жатқан жұмыс туралы жаңалықтармен бөлісемін.",
        "Уважаемые граждане! Добро пожаловать в мой блог. Здесь я рассказываю о проделанной работе.",
    )
    return Blog(
        blog_id=body.ids.dialog_blog_id,
        head=head,
        head_position=position,
        welcome=welcome,
        posts=_posts(world.as_of, rng, profile, index),
        questions=_questions(world.as_of, rng, profile, index),
        events=_events(world.as_of, rng, profile, index),
    )


def _posts(as_of: date, rng: random.Random, profile: DialogProfile, index: int) -> tuple[BlogPost, ...]:
    spread = rng.sample(range(0, 365), profile.posts_per_year)
    if profile.posts_per_year >= 52:
        # a blog kept up every week ("не менее 1 записи в неделю"): one entry in each of the last 52
        # Monday-to-Sunday weeks, the rest anywhere in the year (as many draws whatever the date)
        this_monday = (as_of - timedelta(days=as_of.weekday())).toordinal()
        weekly = [min(as_of.toordinal(), this_monday - 7 * w + rng.randint(0, 6)) for w in range(52)]
        days = dict.fromkeys(as_of.toordinal() - day for day in weekly)
        for age in spread:
            if len(days) >= profile.posts_per_year:
                break
            days.setdefault(age)
        ages = sorted(days)
    else:
        ages = sorted(spread)
    ages += [rng.randint(400, 900) for _ in range(4)]  # the archive before the counted year
    ru_only = set(rng.sample(range(profile.posts_per_year), profile.ru_only_posts))
    posts = []
    for n, age in enumerate(ages):
        day = as_of - timedelta(days=age)
        title = BLOG_POST_TITLES[(n + index) % len(BLOG_POST_TITLES)]
        shown = day.strftime("%d.%m.%Y")
        body = B(
            BLOG_POST_BODY.kk.format(date=shown, title=title.kk), BLOG_POST_BODY.ru.format(date=shown, title=title.ru)
        )
        langs: tuple[Lang, ...] = ("ru",) if n in ru_only else LANGS
        posts.append(BlogPost(300_000 + index * 1000 + n, title, body, day, langs))
    return tuple(posts)


def _questions(as_of: date, rng: random.Random, profile: DialogProfile, index: int) -> tuple[Question, ...]:
    last = min(QUESTIONS_CLOSED - timedelta(days=5), as_of)
    span = max(1, (last - QUESTIONS_OPENED).days)
    unanswered = set(rng.sample(range(profile.questions), profile.unanswered_questions))
    questions = []
    for n in range(profile.questions):
        asked = last - timedelta(days=rng.randint(0, span))
        answered = None if n in unanswered else asked + timedelta(days=rng.randint(2, 20))
        questions.append(
            Question(
                id=765_000 + index * 1000 + n,
                author=rng.choice(("Айдана С.", "Виктор П.", "Нұржан Т.", "Елена К.", "Жандос М.", "Гүлмира А.")),
                text=rng.choice(QUESTIONS),
                category=rng.choice(QUESTION_CATEGORIES),
                asked=asked,
                views=rng.randint(10, 900),
                answer=None if answered is None else rng.choice(ANSWERS),
                answered=answered,
                answer_author="",
            )
        )
    questions.sort(key=lambda q: (q.asked, q.id), reverse=True)
    return tuple(questions)


def _events(as_of: date, rng: random.Random, profile: DialogProfile, index: int) -> tuple[DialogEvent, ...]:
    skipped = set(complete_half_years(as_of, profile.half_years_without_events))
    halves: list[HalfYear] = [half_year_of(as_of)]
    while len(halves) < EVENT_HALF_YEARS:
        halves.append(previous_half_year(halves[-1]))
    events = []
    for h, half in enumerate(halves):
        if half in skipped:
            continue
        start_bound, end_bound = half_year_bounds(half)
        end_bound = min(end_bound, as_of)
        kinds: list[Literal["conference", "poll"]] = ["conference", "poll"] if h % 2 == 0 else ["poll"]
        for k, kind in enumerate(kinds):
            about_open_data = profile.open_data_event and k == 0
            start = start_bound + timedelta(days=rng.randint(0, max(0, (end_bound - start_bound).days - 1)))
            options: tuple[tuple[Bilingual, int], ...] = ()
            if kind == "conference":
                title = OPEN_DATA_CONFERENCE if about_open_data else rng.choice(CONFERENCE_TITLES)
                end = start
            else:
                title = OPEN_DATA_POLL if about_open_data else rng.choice(POLL_TITLES)
                end = min(start + timedelta(days=30), as_of)
                options = tuple((option, rng.randint(3, 400)) for option in POLL_OPTIONS)
            event_id = 5000 + index * 100 + h * 10 + k
            events.append(DialogEvent(event_id, kind, title, start, end, about_open_data, options))
    return tuple(events)
