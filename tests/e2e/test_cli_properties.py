"""Hypothesis against every subcommand of `counter-app` (found by reading the parser, so new ones are covered):
whatever the arguments, exit 0 or 2 (verify may say 1), never a traceback; a refusal is one message in the
chosen language and leaves the database as it was. COUNTER_CLI_EXAMPLES sets the examples per command (CI: 5;
`python -m tests.bench.fuzz_cli` runs many more)."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counter_app import cli, logs
from counter_app.storage.database import SQLITE_FILE, Database
from counter_app.storage.orm import Base
from tests.conftest import create_database
from tests.samples import make_samples

EXAMPLES = int(os.environ.get("COUNTER_CLI_EXAMPLES", "5"))
TALLY = os.environ.get("COUNTER_CLI_TALLY")  # the benchmark's record of exit codes
COMMON = {"--data-dir", "--database-url", "--lang", "--actor", "--hub-db", "--db", "-h", "--help"}
SKIPPED = {"hub serve"}  # serves until stopped: covered by the hub's own tests
FORCED = {"--patience": "0", "--pin-env": "COUNTER_FUZZ_PIN"}  # no minute-long retries, no PIN prompt
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
QUOTED = re.compile(r"«[^»]*»|\([^)]*\)|: .*$", re.MULTILINE)  # user values and library details


def leaf_commands() -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found[path] = parser
        for sub in subs:
            for name, child in sub.choices.items():
                walk(child, f"{path} {name}".strip())

    walk(cli.build_parser(), "")
    return {name: parser for name, parser in found.items() if name and name not in SKIPPED}


COMMANDS = leaf_commands()
HOSTILE = st.one_of(
    st.text(max_size=20),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
    st.sampled_from(["", " ", "x" * 5000, "Thôn Đông " * 400, "a\x00b", "\x1b[31m", "9999-12-31", "0001-01-01",
                     "2026-02-30", "2026-11-23 03:00", "-1", "0", "99999999999999999999", "nan", "inf", "1e309",
                     "００１０９０１２３４５６", "٠٠١٠٩٠١٢٣٤٥٦", "001090123456", "1,1", "1,2,99", "Nam", "Khác",
                     "http://127.0.0.1:1", "ht!tp://x", "/dev/null", "..", "--", "000.00.12.H12-261120-0001",
                     "000.00.12.H12-261120-0001" + "0" * 80, "1.004873", "01", "register", "postal", "vi"]),
    st.builds(lambda n: f"not-utf8-\udcff{n}", st.integers(0, 9)),
)


PLAUSIBLE = st.one_of(  # what a clerk would type, so commands also get past their checks and do their work
    st.from_regex(r"000\.00\.12\.H12-261120-000[1-9]", fullmatch=True),
    st.sampled_from(["Nguyễn Văn Đức", "Trần Thị Hồng", "079195000123", "001090123456", "0912345678",
                     "2026-12-01", "2026-11-20", "2026-11-30", "2026-12-01 10:00", "1.004873", "2.000815", "1.001193",
                     "Thiếu giấy tờ", "Tư pháp", "Nam", "Nữ", "1", "2", "applicant", "office", "Thôn Đông, xã Tân Hòa",
                     "EB123456785VN", "out.pdf", "1,2", "15:00", "RR123456785VN"]),
)


def _value(action: argparse.Action) -> st.SearchStrategy[str]:
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), HOSTILE)
    return st.one_of(PLAUSIBLE, HOSTILE)


@st.composite
def arguments(draw: st.DrawFn, name: str) -> list[str]:
    parser, argv = COMMANDS[name], name.split()
    for action in parser._actions:
        options = [o for o in action.option_strings if o not in COMMON]
        if action.option_strings and not options:
            continue
        if not action.option_strings:
            count = draw(st.integers(0, 2)) if action.nargs in ("*", "+") else 1
            argv += [draw(_value(action)) for _ in range(count if action.nargs != "?" else draw(st.integers(0, 1)))]
        elif options[0] in FORCED:
            argv += [options[0], FORCED[options[0]]]
        elif draw(st.booleans()):
            argv += [options[0]] if action.nargs == 0 else [options[0], draw(_value(action))]
    return argv


def snapshot(db: Database) -> str:
    """Every row of every table, hashed: a refusal must leave this as it was."""
    digest = hashlib.sha256()
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Database]]:
    """One data folder per backend for the whole module, with dossiers in every state (commands that succeed
    change it as they would for a clerk; the property is about refusals)."""
    data = tmp_path_factory.mktemp(f"cli-{request.param}")
    url = None
    if request.param == "postgresql":
        server, template = request.getfixturevalue("pg_server"), request.getfixturevalue("pg_template")
        url = f"{server}/cli_properties_{os.getpid()}"
        create_database(server, url.rsplit("/", 1)[1], template)
    else:
        shutil.copy(request.getfixturevalue("sqlite_template"), data / SQLITE_FILE)
    db = Database.open(data, url)
    make_samples(db)
    yield data, db
    db.dispose()


@pytest.fixture
def folder(shared: tuple[Path, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           restore_logging: None) -> Path:
    """Outputs go to a scratch folder; the PIN is in the environment; pytest gets its logging back after."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COUNTER_FUZZ_PIN", "123456")
    return shared[0]


def run(data: Path, argv: list[str], lang: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            _stdin("mật-khẩu-dài-12\n"):
        code = cli.main([*argv, "--data-dir", str(data), "--lang", lang])
    return code, err.getvalue()


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    import sys  # noqa: PLC0415

    saved, sys.stdin = sys.stdin, io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


def check_answer(data: Path, db: Database, name: str, argv: list[str], lang: str) -> None:
    before = snapshot(db)
    code, err = run(data, argv, lang)
    if TALLY:
        with Path(TALLY).open("a", encoding="utf-8") as tally:
            tally.write(f"{' '.join(argv[:len(name.split())])}\t{code}\n")
    allowed = {0, 1, 2} if argv[0] == "verify" else {0, 2}
    assert code in allowed, f"exit {code} for {argv!r}:\n{err}\n{logs.tail(data, 40)}"
    assert "Traceback" not in err
    if code == 2:
        message = QUOTED.sub("", err)
        for value in sorted(argv, key=len, reverse=True):  # the user's own words, in whatever language
            message = message.replace(value, "") if value.strip() else message
        assert err.strip(), argv
        assert bool(VIETNAMESE.search(message)) == (lang == "vi"), f"{lang} expected: {err!r}"
        assert snapshot(db) == before, f"refused {argv!r} but the database changed"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_answers_with_a_result_or_a_message(name: str, folder: Path,
                                                          shared: tuple[Path, Database]) -> None:
    db = shared[1]

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(argv=arguments(name), lang=st.sampled_from(["vi", "en"]))
    def answers(argv: list[str], lang: str) -> None:
        check_answer(folder, db, name, argv, lang)

    answers()
