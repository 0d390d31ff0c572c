"""dialog.egov.kz replica: first heads' blogs, their posts, the question archive, internet
conferences and polls.

Routes (portals.md section 5): ``/blogs/<blogId>/welcome``, ``/blogs/<blogId>/posts?page=N``,
``/blogs/<blogId>/questions?page=N`` (ten a page; ``ul.blog-info`` with ``i.fa-pencil`` «№ id»,
``i.fa-tags`` category, ``i.fa-calendar`` ``ДД.ММ.ГГГГ``, ``i.fa-eye`` views; ``a.readmore``; a
``div.row.answers#<id>`` only when answered), ``/blogs/all-questions/<id>`` (``div#firstFocus
div.b-question > p``, ``div#answers div.media-body > p``), ``/application/changelang``, and
``/robots.txt``. Questions stop in January 2023, as on the real portal.

[GUESS] The sources show no URL for these, so they are invented: ``/blogs/posts/<postId>`` for one
post, ``/blogs/<blogId>/conferences`` and ``/blogs/conferences/<id>``, ``/blogs/<blogId>/polls``
and ``/blogs/polls/<id>``; list entries are ``div.event`` with ``h3 a`` and ``i.fa-calendar``
followed by ``ДД.ММ.ГГГГ`` (a poll shows «start – end»); a poll card lists ``li.poll-option``
with ``span.votes``. A post published in Russian only is absent from the Kazakh interface.
"""

from __future__ import annotations

from html import escape

from aiohttp import web

from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import portal_content
from ashyq_replica.portals.content.model import Bilingual, Blog, DialogEvent
from ashyq_replica.portals.html import (
    changelang_handler,
    dotted,
    not_found,
    page,
    page_number,
    pagination_script,
    request_lang,
    robots_handler,
    text,
    total_pages,
)

B = Bilingual
PER_PAGE = 10
ROBOTS = (
    "User-agent: *",
    "Disallow: /search",
    "Disallow: /blogs/search/",
    "Disallow: /blogs/all-questions",
    "Crawl-delay: 1",
)
L = {
    "posts": B("Жазбалар", "Записи"),
    "questions": B("Сұрақтар", "Вопросы"),
    "conferences": B("Интернет-конференциялар", "Интернет-конференции"),
    "polls": B("Сауалнамалар", "Опросы"),
    "more": B("Толығырақ", "Подробнее"),
    "answers": B("Жауаптар", "Ответы"),
    "answer": B("Жауап", "Ответ"),
}
WORLD_KEY = web.AppKey("world", World)
BLOGS_KEY = web.AppKey("blogs", dict)


def create_app(world: World) -> web.Application:
    app = web.Application()
    app[WORLD_KEY] = world
    blogs = {c.blog.blog_id: c.blog for c in portal_content(world).values() if c.blog is not None}
    app[BLOGS_KEY] = blogs
    app.router.add_get("/robots.txt", robots_handler(ROBOTS))
    app.router.add_get("/blogs/{blog_id:\\d+}/welcome", welcome)
    app.router.add_get("/blogs/{blog_id:\\d+}/posts", posts)
    app.router.add_get("/blogs/{blog_id:\\d+}/questions", questions)
    app.router.add_get("/blogs/{blog_id:\\d+}/conferences", events)
    app.router.add_get("/blogs/{blog_id:\\d+}/polls", events)
    app.router.add_get("/blogs/posts/{post_id:\\d+}", post_detail)
    app.router.add_get("/blogs/all-questions/{question_id:\\d+}", question_detail)
    app.router.add_get("/blogs/conferences/{event_id:\\d+}", event_detail)
    app.router.add_get("/blogs/polls/{event_id:\\d+}", event_detail)
    app.router.add_get("/application/changelang", changelang_handler("/"))
    return app


def _blog(request: web.Request) -> Blog | None:
    blogs: dict[int, Blog] = request.app[BLOGS_KEY]
    return blogs.get(int(request.match_info["blog_id"]))


def _nav(blog: Blog, lang: str) -> str:
    links = "".join(
        f'<li><a href="/blogs/{blog.blog_id}/{key}">{text(L[key], lang)}</a></li>'
        for key in ("posts", "questions", "conferences", "polls")
    )
    return f'<ul class="nav nav-pills blog-nav">{links}</ul>'


def _blog_page(blog: Blog, lang: str, content: str, pages: int = 0, number: int = 1) -> web.Response:
    position = f'<p class="position">{text(blog.head_position, lang)}</p>'
    head = f'<div class="blog-head"><h1>{text(blog.head, lang)}</h1>{position}</div>'
    script = pagination_script(pages, number) if pages else ""
    paging = '<ul id="pagination"></ul>' if pages else ""
    return page(blog.head.get(lang), lang, f"{head}\n{_nav(blog, lang)}\n{content}\n{paging}", script)


async def welcome(request: web.Request) -> web.Response:
    lang = request_lang(request)
    blog = _blog(request)
    if blog is None:
        return not_found(lang)
    return _blog_page(blog, lang, f'<div class="welcome"><p>{text(blog.welcome, lang)}</p></div>')


async def posts(request: web.Request) -> web.Response:
    lang = request_lang(request)
    blog = _blog(request)
    if blog is None:
        return not_found(lang)
    shown = sorted((p for p in blog.posts if lang in p.langs), key=lambda p: (p.posted, p.id), reverse=True)
    number = page_number(request)
    items = "".join(
        f'<div class="blog-post"><h3><a href="/blogs/posts/{p.id}">{text(p.title, lang)}</a></h3>'
        f'<ul class="blog-info"><li><i class="fa fa-calendar"></i> {dotted(p.posted)}</li></ul>'
        f"<p>{text(p.body, lang)}</p></div>\n"
        for p in shown[(number - 1) * PER_PAGE : number * PER_PAGE]
    )
    return _blog_page(blog, lang, f'<div class="posts">{items}</div>', total_pages(len(shown), PER_PAGE), number)


async def post_detail(request: web.Request) -> web.Response:
    lang = request_lang(request)
    wanted = int(request.match_info["post_id"])
    for blog in request.app[BLOGS_KEY].values():
        for p in blog.posts:
            if p.id == wanted and lang in p.langs:
                content = (
                    f'<div class="blog-post"><h2>{text(p.title, lang)}</h2>'
                    f'<ul class="blog-info"><li><i class="fa fa-calendar"></i> {dotted(p.posted)}</li></ul>'
                    f"<p>{text(p.body, lang)}</p></div>"
                )
                return _blog_page(blog, lang, content)
    return not_found(lang)


async def questions(request: web.Request) -> web.Response:
    lang = request_lang(request)
    blog = _blog(request)
    if blog is None:
        return not_found(lang)
    number = page_number(request)
    rows = []
    for n, q in enumerate(blog.questions[(number - 1) * PER_PAGE : number * PER_PAGE], start=1):
        rows.append(
            f'<div class="row"><h3>{escape(q.author)}</h3><p>{escape(q.text)}</p>'
            f'<ul class="blog-info"><li><i class="fa fa-pencil"></i> № {q.id}</li>'
            f'<li><i class="fa fa-tags"></i> {text(q.category, lang)}</li>'
            f'<li><i class="fa fa-calendar"></i> {dotted(q.asked)}</li>'
            f'<li><i class="fa fa-eye"></i> {q.views}</li></ul>'
            f'<a class="readmore" href="/blogs/all-questions/{q.id}">{text(L["more"], lang)}</a>'
            f'<button onclick="showAnswers({n}, {q.id})">{text(L["answers"], lang)}</button></div>'
        )
        if q.answer is not None and q.answered is not None:
            rows.append(
                f'<div class="row answers" id="{q.id}" style="display:none"><h4>{text(L["answer"], lang)}</h4>'
                f"<p>{escape(q.answer)}</p>"
                f'<span class="answer-info">{text(blog.head, lang)} {dotted(q.answered)}</span></div>'
            )
    content = f'<div class="col-xs-12">{"".join(rows)}</div>'
    return _blog_page(blog, lang, content, total_pages(len(blog.questions), PER_PAGE), number)


async def question_detail(request: web.Request) -> web.Response:
    lang = request_lang(request)
    wanted = int(request.match_info["question_id"])
    for blog in request.app[BLOGS_KEY].values():
        q = next((q for q in blog.questions if q.id == wanted), None)
        if q is None:
            continue
        answer = ""
        if q.answer is not None and q.answered is not None:
            answer = (
                f'<div class="media"><div class="media-body"><h4>{text(blog.head, lang)}</h4>'
                f'<span><i class="fa fa-calendar"></i> {dotted(q.answered)}</span><p>{escape(q.answer)}</p></div></div>'
            )
        content = (
            f'<div id="firstFocus"><h3>№ {q.id}</h3><div class="b-question"><p>{escape(q.text)}</p></div>'
            f'<ul class="blog-info"><li><i class="fa fa-calendar"></i> {dotted(q.asked)}</li>'
            f'<li><i class="fa fa-tags"></i> {text(q.category, lang)}</li></ul></div>'
            f'<div id="answers">{answer}</div>'
        )
        return _blog_page(blog, lang, content)
    return not_found(lang)


def _kind(request: web.Request) -> str:
    return "conference" if "/conferences" in request.path else "poll"


def _event_dates(e: DialogEvent) -> str:
    return dotted(e.start) if e.kind == "conference" else f"{dotted(e.start)} – {dotted(e.end)}"


async def events(request: web.Request) -> web.Response:
    lang = request_lang(request)
    blog = _blog(request)
    if blog is None:
        return not_found(lang)
    kind = _kind(request)
    shown = sorted((e for e in blog.events if e.kind == kind), key=lambda e: (e.start, e.id), reverse=True)
    route = "conferences" if kind == "conference" else "polls"
    items = "".join(
        f'<div class="event"><h3><a href="/blogs/{route}/{e.id}">{text(e.title, lang)}</a></h3>'
        f'<ul class="blog-info"><li><i class="fa fa-calendar"></i> {_event_dates(e)}</li></ul></div>\n'
        for e in shown
    )
    return _blog_page(blog, lang, f'<h2>{text(L[route], lang)}</h2><div class="events">{items}</div>')


async def event_detail(request: web.Request) -> web.Response:
    lang = request_lang(request)
    wanted, kind = int(request.match_info["event_id"]), _kind(request)
    for blog in request.app[BLOGS_KEY].values():
        e = next((e for e in blog.events if e.id == wanted and e.kind == kind), None)
        if e is None:
            continue
        options = "".join(
            f'<li class="poll-option">{text(option, lang)} <span class="votes">{votes}</span></li>'
            for option, votes in e.options
        )
        content = (
            f'<div class="event"><h2>{text(e.title, lang)}</h2>'
            f'<ul class="blog-info"><li><i class="fa fa-calendar"></i> {_event_dates(e)}</li></ul>'
            f'<ul class="poll-options">{options}</ul></div>'
        )
        return _blog_page(blog, lang, content)
    return not_found(lang)
