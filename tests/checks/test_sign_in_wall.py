"""A page answering with a sign-in form instead of its material (:mod:`ashyq.checks.completeness.signin`)."""

from __future__ import annotations

from ashyq.checks.completeness.signin import sign_in_wall

FORM = (
    '<form action="/auth/egov" method="post"><input name="iin" type="text">'
    '<input name="password" type="password"><button>Войти</button></form>'
)


def test_a_page_whose_content_is_a_password_form_is_a_wall_named_by_its_heading() -> None:
    html = (
        "<html><head><title>Вакансии</title></head><body><main><h1>Главный специалист отдела финансов</h1>"
        "<h2>Для продолжения войдите через eGov</h2><p>Полный текст доступен после входа.</p>"
        f"{FORM}</main></body></html>"
    )
    assert sign_in_wall(html) == "Главный специалист отдела финансов"


def test_a_sign_in_form_of_the_header_beside_material_is_no_wall() -> None:
    html = (
        f"<html><body><header><nav>Меню</nav>{FORM}</header><main><h1>Бюджет</h1>"
        "<p>Исполнение бюджета на 1 октября 2026 года: доходы 28 415,7 млн тенге.</p></main></body></html>"
    )
    assert sign_in_wall(html) is None


def test_a_page_giving_text_of_its_own_beside_a_form_is_read_as_a_page() -> None:
    text = " ".join(["Квалификационные требования к кандидатам на должность главного специалиста."] * 10)
    html = f"<html><body><main><h1>Вакансия</h1><p>{text}</p>{FORM}</main></body></html>"
    assert sign_in_wall(html) is None


def test_a_page_with_no_password_field_is_no_wall() -> None:
    html = "<html><body><main><h1>Вход</h1><form><input name='q'><button>Найти</button></form></main></body></html>"
    assert sign_in_wall(html) is None
