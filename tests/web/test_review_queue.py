"""The assessor's review queue page: the last run's open questions with what to look at, the answer
form for assessors only; an answer writes the run's next revision and closes the question. One store and
application of its own (it changes them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from reports_sample import build_report_store
from web_client import Client

from ashyq.pipeline.accounts import add_account
from ashyq.store import repository as repo
from ashyq.store import session_scope
from ashyq.store.models import Finding
from ashyq.web.app import create_app
from ashyq.web.server import served
from ashyq.web.settings import WebSettings

PASSWORD = "appeal and review: a pass phrase"  # this module's own accounts
SECRET = "s" * 48  # the cookies' key of this module's application
ROLES = {"assessor": ("assessor", None), "analyst": ("analyst", None), "enbek": ("body", "enbek")}
LOOK_AT = "https://www.gov.kz/memleket/entities/enbek/contacts"


@dataclass
class Queue:
    url: str
    db: str
    run_id: str


@pytest.fixture(scope="module")
def queue_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Queue]:
    store = build_report_store(tmp_path_factory.mktemp("review-web"))
    with session_scope(store.url) as session:
        for name, (role, body) in ROLES.items():
            add_account(session, name, role, PASSWORD, body, language="ru")
        doubted = session.query(Finding).filter_by(run_id=store.new.id, body_id="enbek", item="T7-1", lang="kk").one()
        doubted.certainty = "uncertain"
        doubted.doubt = {"reason": "label_only", "quote": "Байланыс <script>", "look_at": {"url": LOOK_AT}}
    settings = WebSettings(db=store.url, data_dir=store.out_dir, secret_key=SECRET)
    with served(create_app(settings)) as url:
        yield Queue(url, store.url, store.new.id)


def _client(queue: Queue, name: str) -> Client:
    client = Client(queue.url)
    assert client.sign_in(name, PASSWORD).status_code == 303
    return client


def test_the_queue_shows_each_question_and_only_an_assessor_answers(queue_app: Queue) -> None:
    assessor, analyst, enbek = (_client(queue_app, n) for n in ("assessor", "analyst", "enbek"))
    assert enbek.get("/review").status_code == 403
    page = assessor.get("/review")
    assert page.status_code == 200
    assert 'data-question="enbek:T7-1:kk"' in page.text and LOOK_AT in page.text
    assert "Байланыс &lt;script&gt;" in page.text and 'href="/findings/' in page.text
    read_only = analyst.get("/review")
    assert read_only.status_code == 200 and 'action="/review/answer"' not in read_only.text
    form = {"run_id": queue_app.run_id, "question": "enbek:T7-1:kk", "verdict": "pass", "reason": "Телефон бар"}
    for other in (analyst, enbek):
        assert other.post("/review/answer", form).status_code == 403
    assert assessor.post("/review/answer", {**form, "verdict": "maybe"}).status_code == 409
    assert assessor.post("/review/answer", form).status_code == 303
    with session_scope(queue_app.db) as session:
        answered = {(f.item, f.lang): f for f in repo.findings_for(session, queue_app.run_id, "enbek")}
        assert (answered[("T7-1", "kk")].status, answered[("T7-1", "kk")].revision) == ("pass", 2)
    after = assessor.get("/review")
    assert 'data-question="enbek:T7-1:kk"' not in after.text and 'id="no-questions"' in after.text
