"""legalacts.egov.kz content of one body: its draft acts, their versions, files and comments.

Drafts are spread over the year before ``as_of``: the newest is in public discussion, the older
ones in progress or archived. Public discussion lasts ten calendar days from creation. The
seeded faults (no explanatory note, no comparative table for an amendment, no discussion date,
Kazakh typed without Kazakh letters, comments left unanswered) land on distinct drafts.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.calendar import at, not_after
from ashyq_replica.portals.content.model import Bilingual, NpaComment, NpaDraft, NpaFile, NpaStatus, NpaVersion
from ashyq_replica.portals.content.profiles import LegalactsProfile
from ashyq_replica.portals.content.wording import (
    ANSWER_ACCEPTED,
    ANSWER_REJECTED,
    COMMENTS,
    NPA_CATEGORIES,
    NPA_SUBJECTS,
    NPA_TYPES,
    PEOPLE,
    REGULATORY_POLICY_SUBJECTS,
    THEME_OF_BODY,
    typed_without_kazakh_keyboard,
)

B = Bilingual
DISCUSSION_DAYS = 10


def build_drafts(world: World, body: WorldBody, profile: LegalactsProfile | None, index: int) -> tuple[NpaDraft, ...]:
    if profile is None or body.ids.legalacts_government_id is None:
        return ()
    rng = world.rng("legalacts", body.id)
    theme = THEME_OF_BODY[body.id]
    count = profile.drafts + profile.regulatory_policy
    # Which drafts carry which fault: distinct drafts, chosen once, independent of as_of.
    amendments = [n for n in range(profile.drafts) if n % 2 == 1]
    no_table = set(amendments[-profile.without_table :]) if profile.without_table else set()
    plain = [n for n in range(1, profile.drafts) if n not in no_table]
    no_note = set(plain[: profile.without_note])
    no_date = set(plain[profile.without_note : profile.without_note + profile.without_discussion_date])
    lookalike = set(plain[-profile.lookalike_kk :]) if profile.lookalike_kk else set()
    unanswered_left = profile.unanswered_comments
    # drafts about five weeks apart, closer when the year so far is shorter, so that the documents of a
    # body are posted in the reporting period the checks judge (the calendar year, up to as_of)
    into_year = (world.as_of - date(world.as_of.year, 1, 1)).days
    step = max(1, min(37, (into_year - 20) // max(1, count)))
    drafts = []
    for n in range(count):
        regulatory = n >= profile.drafts
        base = 15_900_000 + index * 10_000 + n * 20
        jitter = rng.randint(0, 20) * step // 37
        created = world.as_of - timedelta(days=3 if n == 0 else n * step + jitter)
        title, type_id = _title(body, theme, rng, n, regulatory)
        until = None if n in no_date else created + timedelta(days=DISCUSSION_DAYS)
        if n == 0:  # the draft still in discussion: its open comments are not yet overdue
            comments, _ = _comments(world, rng, base, created, 0)
        else:
            comments, unanswered_left = _comments(world, rng, base, created, unanswered_left)
        online = n % 3 == 0 and not regulatory
        summary = B(
            "Жоба азаматтар мен ұйымдар үшін рәсімдерді жеңілдетуге және мерзімдерді қысқартуға бағытталған.",
            "Проект направлен на упрощение процедур и сокращение сроков для граждан и организаций.",
        )
        rows = _rows(body, title, type_id)
        if n in lookalike:
            title = B(typed_without_kazakh_keyboard(title.kk), title.ru)
            summary = B(typed_without_kazakh_keyboard(summary.kk), summary.ru)
            rows = tuple((label, B(typed_without_kazakh_keyboard(v.kk), v.ru)) for label, v in rows)
        files = []
        if n not in no_note:
            files.append(
                NpaFile(base + 2, "explanatory_note", B("Түсіндірме жазба.docx", "Пояснительная записка.docx"))
            )
        amendment = n in amendments
        if amendment and n not in no_table:
            files.append(
                NpaFile(base + 3, "comparative_table", B("Салыстырма кесте.docx", "Сравнительная таблица.docx"))
            )
        if regulatory:
            files.append(NpaFile(base + 4, "concept", B("Консультативтік құжат.docx", "Консультативный документ.docx")))
        drafts.append(
            NpaDraft(
                id=base,
                docx_id=base + 1,
                body_id=body.id,
                title=title,
                type_id=type_id,
                status=_status(world.as_of, created),
                category_id=NPA_CATEGORIES[theme][0],
                created=created,
                discussion_until=until,
                online_start=at(created + timedelta(days=5), 15) if online else None,
                online_end=at(created + timedelta(days=5), 16) if online else None,
                summary=summary,
                rows=rows,
                is_amendment=amendment,
                files=tuple(files),
                versions=_versions(index, n, created, rng),
                comments=comments,
                likes=rng.randint(0, 12),
                dislikes=rng.randint(0, 5),
                views=rng.randint(60, 3000),
                kk_lookalike_letters=n in lookalike,
            )
        )
    return tuple(drafts)


def _title(body: WorldBody, theme: str, rng: random.Random, n: int, regulatory: bool) -> tuple[Bilingual, int]:
    if regulatory:
        subject = REGULATORY_POLICY_SUBJECTS[n % len(REGULATORY_POLICY_SUBJECTS)]
        return subject, 7001 if n % 2 == 0 else 7002
    subjects = NPA_SUBJECTS[theme]
    subject = subjects[(n // 2) % len(subjects)]
    type_id = 1003 if body.kind == "cgo" else rng.choice((1002, 1004))
    capital_kk = subject.kk[0].upper() + subject.kk[1:]
    if n % 2 == 1:
        dative_kk = NPA_TYPES[type_id][1]
        act_ru = NPA_TYPES[type_id][0].ru.lower()
        return B(
            f"«{capital_kk} бекіту туралы» {dative_kk} өзгерістер енгізу туралы",
            f"О внесении изменений в {act_ru} «Об утверждении {subject.ru}»",
        ), type_id
    return B(f"{capital_kk} бекіту туралы", f"Об утверждении {subject.ru}"), type_id


def _rows(body: WorldBody, title: Bilingual, type_id: int) -> tuple[tuple[Bilingual, Bilingual], ...]:
    act = NPA_TYPES[type_id][0]
    return (
        (
            B("Жобаның атауы (НҚА түрі көрсетіле отырып)", "Наименование проекта НПА (с указанием вида НПА)"),
            B(f"{act.kk} жобасы: «{title.kk}»", f"Проект ({act.ru.lower()}): «{title.ru}»"),
        ),
        (B("Әзірлеуші мемлекеттік орган", "Государственный орган-разработчик"), B(body.names.kk, body.names.ru)),
        (
            B("Жобаның мақсаты", "Цель проекта"),
            B(
                "Азаматтар үшін рәсімдерді жеңілдету және қызмет көрсету мерзімдерін қысқарту.",
                "Упрощение процедур для граждан и сокращение сроков оказания услуг.",
            ),
        ),
        (
            B("Қабылдаудың болжамды салдары", "Предполагаемые последствия принятия"),
            B(
                "Республикалық бюджеттен қосымша қаражат талап етілмейді.",
                "Дополнительных средств из республиканского бюджета не потребуется.",
            ),
        ),
    )


def _status(as_of: date, created: date) -> NpaStatus:
    age = (as_of - created).days
    if age <= DISCUSSION_DAYS:
        return "IN_PUBLIC_DISCUSSION"
    return "IN_PROGRESS" if age <= 45 else "IN_ARCHIVE"


def _versions(index: int, n: int, created: date, rng: random.Random) -> tuple[NpaVersion, ...]:
    # History ids come from their own counter, as on the real portal.
    if n % 3 != 2:
        return ()
    older = []
    for k in (2, 1):
        day = created - timedelta(days=k * rng.randint(12, 25))
        older.append(NpaVersion(16_500_000 + index * 1000 + n * 10 + k, k, day, day + timedelta(days=DISCUSSION_DAYS)))
    return tuple(older)


def _comments(
    world: World, rng: random.Random, base: int, created: date, unanswered_left: int
) -> tuple[tuple[NpaComment, ...], int]:
    comments = []
    window = max(0, min(DISCUSSION_DAYS, (world.as_of - created).days))
    for k in range(rng.randint(1, 5)):
        posted = at(
            not_after(created + timedelta(days=rng.randint(0, window)), world.as_of),
            rng.randint(8, 21),
            rng.randint(0, 59),
        )
        unanswered = unanswered_left > 0
        unanswered_left -= unanswered
        lang = rng.choice((0, 1))
        if unanswered:
            outcome, answer, answered = "pending", None, None
        else:
            accepted = rng.random() < 0.4
            outcome = "accepted" if accepted else "rejected"
            answer = (ANSWER_ACCEPTED if accepted else ANSWER_REJECTED)[lang]
            answered = min(posted + timedelta(hours=rng.randint(2, 70)), at(world.as_of, 23, 30))
        comments.append(
            NpaComment(
                base * 10 + k,
                rng.choice(PEOPLE),
                rng.choice(COMMENTS),
                posted,
                outcome,  # type: ignore[arg-type]
                answer,
                answered,
                row=rng.randint(1, 4),
            )
        )
    return tuple(comments), unanswered_left
