"""The operator's ashyq.yaml: where it is found, what a bad one says, and the refusals it drives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import operator
from ashyq.config.operator import ConfigError, ContactRefused, contact_for, find_config, is_placeholder, load_config
from ashyq.crawler.settings import build_settings
from ashyq.net.crawl_config import load_crawl_config

CONTACT = "https://audit.gov.kz/ashyq; ashyq-operator@audit.gov.kz"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No ASHYQ_CONFIG, the working folder an empty temporary one."""
    monkeypatch.delenv(operator.CONFIG_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    operator.forget_loaded()
    yield tmp_path
    operator.forget_loaded()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_option_wins_over_the_variable_which_wins_over_the_working_folder(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = write(fresh / "ashyq.yaml", "contact: here@audit.gov.kz\n")
    variable = write(fresh / "var.yaml", "contact: var@audit.gov.kz\n")
    option = write(fresh / "opt.yaml", "contact: opt@audit.gov.kz\n")
    if operator.SYSTEM_FILE.exists():
        pytest.skip("this machine has /etc/ashyq/ashyq.yaml")
    assert find_config() == here.absolute()
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(variable))
    assert find_config() == variable
    assert find_config(option) == option
    assert load_config(option).config.contact == "opt@audit.gov.kz"
    here.unlink()
    monkeypatch.delenv(operator.CONFIG_VARIABLE)
    assert find_config() is None and load_config().path is None


def test_a_named_file_must_exist(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(fresh / "missing.yaml"))
    with pytest.raises(ConfigError, match=r"missing.yaml: no such file \(given by \$ASHYQ_CONFIG\)"):
        find_config()


def test_a_bad_file_is_refused_whole_with_every_problem(fresh: Path) -> None:
    path = write(
        fresh / "ashyq.yaml",
        "contact: nobody\nstore: 5\npoliteness:\n  per_host: 50\n  download_delay: 0\nregistry: kz\nspeed: max\n"
        "tsa: file:///etc/hostname\n",
    )
    with pytest.raises(ConfigError) as refused:
        load_config()
    text = "\n".join(refused.value.problems)
    assert all(line.startswith(f"{path.absolute()}: ") for line in refused.value.problems)
    for expected in (
        "contact:",
        "store:",
        "politeness.per_host:",
        "politeness.download_delay:",
        "speed: unknown",
        "tsa:",
    ):
        assert expected in text, text
    write(path, "- a\n- list\n")
    operator.forget_loaded()
    with pytest.raises(ConfigError, match="a mapping of settings"):
        load_config()


@pytest.mark.parametrize(
    ("contact", "placeholder"),
    [
        (None, True),
        ("", True),
        (operator.PLACEHOLDER_CONTACT, True),
        ("crawler@example.com", True),
        ("https://ashyq.test/about", True),
        ("ops@localhost", True),
        ("ashyq@audit.gov.kz", False),
        (CONTACT, False),
        ("https://mci.gov.kz/ashyq", False),
    ],
)
def test_placeholders(contact: str | None, placeholder: bool) -> None:
    assert is_placeholder(contact) is placeholder


def test_no_contact_is_refused_outside_replica_mode_and_says_where_to_set_it(fresh: Path) -> None:
    with pytest.raises(ContactRefused) as refused:
        contact_for(replica=False)
    message = str(refused.value)
    assert "is not set" in message and "ashyq.yaml" in message and "ASHYQ_CONFIG" in message
    assert contact_for(replica=True) == operator.PLACEHOLDER_CONTACT
    with pytest.raises(ContactRefused, match="Set it in"):
        build_settings(load_crawl_config())
    assert build_settings(load_crawl_config(), base_url_map={"https://www.gov.kz": "http://127.0.0.1:1"})


def test_the_operators_contact_and_budget_reach_the_crawler(fresh: Path) -> None:
    write(
        fresh / "ashyq.yaml",
        f'contact: "{CONTACT}"\npoliteness:\n  per_host: 1\n  download_delay: 3\n  max_pages_per_body: 77\n',
    )
    config = load_crawl_config()
    settings = build_settings(config)
    assert CONTACT in settings["USER_AGENT"] and settings["USER_AGENT"].startswith("ashyq-openness-auditor/")
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1 and settings["DOWNLOAD_DELAY"] == 3
    assert settings["ASHYQ_MAX_PAGES"] == 77
    # the assessor's crawl config starts from crawl.yaml: the operator's contact still wins
    assessor = load_crawl_config(Path(operator.__file__).with_name("crawl-assessor.yaml"))
    assert assessor.contact == CONTACT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_a_bare_nightly_is_a_usage_error_naming_the_choices(fresh: Path) -> None:
    code, output = run("nightly")
    assert code == 2
    assert "--registry kz" in output and "--registry FILE" in output and "--replica-map" in output


def test_the_demo_registry_needs_replica_mode(fresh: Path) -> None:
    write(fresh / "ashyq.yaml", f'contact: "{CONTACT}"\n')
    for command in (["nightly", "--registry", "demo"], ["audit", "--body", "enbek", "--registry", "demo"]):
        code, output = run(*command)
        assert code == 2 and "identifiers invented for the replica" in output, output


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "--url", "https://www.example-ministry.kz/", "--kind", "cgo"],
        ["nightly", "--registry", "kz"],
        ["crawl", "--registry", "kz", "--body", "enbek"],
        ["check-page", "https://www.gov.kz/memleket/entities/enbek"],
    ],
)
def test_real_targets_with_the_placeholder_contact_are_refused(fresh: Path, command: list[str]) -> None:
    write(fresh / "ashyq.yaml", f'contact: "{operator.PLACEHOLDER_CONTACT}"\n')
    code, output = run(*command)
    assert code == 2, output
    assert "contact is a placeholder" in " ".join(output.split()) and "ashyq.yaml" in output, output


def test_a_malformed_config_stops_every_command(fresh: Path) -> None:
    write(fresh / "ashyq.yaml", "contact: [1, 2]\n")
    code, output = run("methodology", "show", "kz-2025")
    assert code == 2 and "the config file is refused" in output and "contact:" in output
    code, output = run("--config", str(fresh / "nope.yaml"), "version")
    assert code == 2 and "no such file (given by --config)" in output


def test_ones_own_site_on_a_private_address_and_a_local_page_need_no_contact(fresh: Path) -> None:
    page = fresh / "page.html"
    page.write_text("<html lang='ru'><head><title>t</title></head><body><h1>Страница</h1></body></html>", "utf-8")
    store = f"sqlite:///{fresh / 's.sqlite'}"
    _, output = run("audit", "--url", "http://127.0.0.1:9/", "--kind", "mio", "--allow-private-addresses",
                    "--no-browser", "--out", str(fresh / "out"), "--db", store)  # fmt: skip
    assert "operator's contact" not in output and "harvested 127-0-0-1" in output, output  # it went on
    from ashyq.pipeline.page_check import page_target

    assert page_target(str(page)) == (page.resolve().as_uri(), True)  # a local file: no network, no contact asked
