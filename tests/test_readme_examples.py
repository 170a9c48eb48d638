"""The README's examples as they stand: every SQL block (and the SQL of every `duckdb -c` command shown) runs on a
warehouse of the bundled samples, with the rows it shows, and every `trialqc` command line names a subcommand and
options the command accepts (parsed by the command's own parser, never run)."""
from __future__ import annotations

import contextlib
import io
import logging
import re
import shlex
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
import typer
from typer.core import TyperGroup, TyperOption
from typer.testing import CliRunner

from flows.cli import app
from flows.run import run_pipeline
from flows.warehouse_session import warehouse_session

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SAMPLES = ROOT / "data" / "samples"
AS_OF = date(2026, 11, 22)
SHELL = ("sh", "bash", "console", "")
TRANSCRIPT = ("console", "")  # blocks whose typed lines start with "$ ", the others being output
MARKS = ("[", "]", "|", "...")  # a synopsis: optional parts, alternatives, repetition

# The commands whose output a transcript shows, compared word for word on the sample warehouse (a run's id aside).
SHOWN_OUTPUT = (["search"], ["watch", "list"])
# What an example's comment promises and its statement must give on the sample warehouse, which has three runs (the
# README's watch-list transcript): a phrase of the comment -> the number of rows.
PROMISED: dict[str, int] = {"issues open for more than 5 runs": 0}


@dataclass(frozen=True)
class Block:
    """A fenced block of a document: its language and the line of its opening fence."""

    document: Path
    line: int
    lang: str
    text: str

    @property
    def id(self) -> str:
        return str(self.line) if self.document.name == "README.md" else f"{self.document.name}:{self.line}"


def fenced_blocks(document: Path) -> list[Block]:
    """Every ``` block of a document, in order."""
    blocks, opened, body = [], None, []
    for number, line in enumerate(document.read_text().splitlines(), 1):
        fence = line.strip()
        if opened is None and fence.startswith("```"):
            opened, body = (number, fence[3:].strip()), []
        elif opened is not None and fence == "```":
            blocks.append(Block(document, opened[0], opened[1], "\n".join(body)))
            opened = None
        elif opened is not None:
            body.append(line)
    return blocks


def typed_lines(block: Block) -> list[tuple[str, list[str]]]:
    """Each command line of a shell block, continuations and quotes spanning lines joined, with the output lines
    that follow it in a transcript."""
    lines, out = block.text.replace("\\\n", " ").splitlines(), []
    for line in lines:
        if out and out[-1][0].count('"') % 2:  # an open quote: the line goes on
            out[-1] = (f"{out[-1][0]}\n{line}", [])
        elif block.lang in TRANSCRIPT and not line.startswith("$ "):
            if out:
                out[-1][1].append(line)
        else:
            out.append((line[2:] if block.lang in TRANSCRIPT else line, []))
    return out


def simple_commands(line: str) -> list[list[str]]:
    """The words of each command of a line (split at ';' and '&&'), without its comment."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=";&")
    lexer.whitespace_split, lexer.commenters = True, ""
    commands: list[list[str]] = [[]]
    for token in lexer:
        if token.startswith("#"):
            break
        if token in (";", "&&", "&"):
            commands.append([])
        else:
            commands[-1].append(token)
    return [command for command in commands if command]


def trialqc_args(words: list[str]) -> list[str] | None:
    """The arguments a command line gives `trialqc`, `make run ARGS="..."` included; None for another program."""
    if Path(words[0]).name == "trialqc":
        return words[1:]
    if words[:2] == ["make", "run"]:
        given = [word.split("=", 1)[1] for word in words[2:] if word.startswith("ARGS=")]
        return ["run", *shlex.split(given[0] if given else "")]
    return None


def inline_code(document: Path) -> list[tuple[int, str]]:
    """Inline code spans outside fenced blocks, with the line each begins on."""
    lines = document.read_text().splitlines()
    for block in fenced_blocks(document):
        for number in range(block.line, block.line + block.text.count("\n") + 3):  # the fences, the lines between
            lines[number - 1] = ""
    text = "\n".join(lines)
    return [(text.count("\n", 0, m.start()) + 1, " ".join(m.group(1).split()))
            for m in re.finditer(r"`([^`]+)`", text)]


def command_lines() -> list[tuple[str, list[str]]]:
    """Every `trialqc` command line of the documents' shell blocks and inline code: (its test id, its arguments)."""
    found = []
    for document in DOCUMENTS:
        shell = [(block, line) for block in fenced_blocks(document) if block.lang in SHELL
                 for line, _ in typed_lines(block)]
        spans = [(number, code) for number, code in inline_code(document)
                 if code.split(" ")[0] in ("trialqc", "make") and " " in code]  # a command, not the name alone
        prefix = "" if document.name == "README.md" else f"{document.name}:"
        for where, line in [(block.line, line) for block, line in shell] + spans:
            for words in simple_commands(line):
                args = trialqc_args(words)
                if args is not None:
                    found.append((f"{prefix}{where} trialqc {' '.join(args)}"[:90], args))
    return found


def resolved(args: list[str]) -> tuple[typer.core.TyperCommand, typer.Context, list[str]]:
    """The (sub)command a command line names, its context, and the arguments left for it."""
    command = typer.main.get_command(app)
    context = typer.Context(command, info_name="trialqc")
    rest = list(args)
    while isinstance(command, TyperGroup) and rest and not rest[0].startswith("-"):
        sub = command.get_command(context, rest[0])
        if sub is None:
            raise LookupError(f"trialqc has no command {' '.join(args[:len(args) - len(rest) + 1])!r}")
        command, rest = sub, rest[1:]
        context = typer.Context(command, info_name=sub.name, parent=context)
    return command, context, rest


def synopsis_faults(command: typer.core.TyperCommand, args: list[str]) -> list[str]:
    """Options a synopsis names that the command lacks, or shows with a value it takes none for (or without one)."""
    options = {name: p for p in command.params if isinstance(p, TyperOption) for name in (*p.opts, *p.secondary_opts)}
    faults = []
    for i, token in enumerate(args):
        name = token.lstrip("[").rstrip(".]").split("=")[0]
        if not name.startswith("--"):
            continue
        if name not in options:
            faults.append(f"{name}: no such option")
            continue
        following = args[i + 1] if i + 1 < len(args) else "|"
        shown_value = "=" in token or not (token.endswith("]") or following == "|" or following.lstrip("[")[:1] == "-")
        if shown_value == (options[name].is_flag or options[name].count):
            faults.append(f"{name}: shown {'with' if shown_value else 'without'} a value")
    return faults


def command_faults(args: list[str]) -> list[str]:
    """Why `trialqc` would refuse a command line: a synopsis (optional parts, alternatives) by its option names, any
    other line by the command's own parser, which runs nothing but --version and --help."""
    try:
        command, context, rest = resolved(args)
    except LookupError as exc:
        return [str(exc)]
    if any(mark in arg for arg in rest for mark in MARKS):
        return synopsis_faults(command, rest)
    try:
        command.make_context(context.info_name, rest, parent=context.parent)
    except typer.Exit:  # --version, --help: accepted, and done
        pass
    except typer.TyperException as exc:  # the parser's usage errors
        return [exc.format_message()]
    return []


COMMAND_LINES = command_lines()


@pytest.mark.parametrize("args", [args for _, args in COMMAND_LINES], ids=[name for name, _ in COMMAND_LINES])
def test_command_line_is_accepted(args):
    assert command_faults(args) == [], f"trialqc {' '.join(args)}"


@pytest.mark.parametrize("line, fault", [
    ("run --no-such-option", "No such option"),
    ("run --batch-size many", "Invalid value for '--batch-size'"),
    ("nosuch --db x", "no command 'nosuch'"),
    ("watch nosuch", "no command 'watch nosuch'"),
    ("run [--batch-size] [--rehash]", "--batch-size: shown without a value"),
    ("run [--recheck-all YES]", "--recheck-all: shown with a value"),
    ("search QUERY... [--colour C]", "--colour: no such option"),
])
def test_a_command_line_trialqc_refuses_is_found(line, fault):
    assert any(fault in found for found in command_faults(shlex.split(line))), command_faults(shlex.split(line))


SHOWN = re.compile(r"--\s+(\S.*\s\|\s.*)")  # a comment of result cells: -- NCT06936215 | 1.792


@dataclass(frozen=True)
class SqlExample:
    """SQL a document shows: its parts, each with the rows shown after it (if any), and whether it reads the
    warehouse (else a new database, as `duckdb -c` without a file)."""

    id: str
    parts: list[tuple[str, list[list[str]]]]
    in_warehouse: bool = True

    @property
    def text(self) -> str:
        return "".join(sql for sql, _ in self.parts)


def sql_parts(text: str) -> list[tuple[str, list[list[str]]]]:
    """A SQL block cut after each run of result comments, which are the rows of the statement before them."""
    parts: list[tuple[str, list[list[str]]]] = [("", [])]
    for line in text.splitlines():
        shown = SHOWN.fullmatch(line.strip())
        if shown:
            parts[-1][1].append([cell.strip() for cell in shown.group(1).split("|")])
        elif parts[-1][1]:
            parts.append((line + "\n", []))
        else:
            parts[-1] = (parts[-1][0] + line + "\n", [])
    return parts


def sql_examples() -> list[SqlExample]:
    """Every ```sql block, and the SQL of every `duckdb ... -c "SQL"` command of a shell block with the rows its
    transcript shows (a box-drawn table)."""
    found = []
    for document in DOCUMENTS:
        for block in fenced_blocks(document):
            if block.lang == "sql":
                found.append(SqlExample(block.id, sql_parts(block.text)))
                continue
            for line, output in typed_lines(block) if block.lang in SHELL else []:
                for words in simple_commands(line):
                    if Path(words[0]).name == "duckdb" and "-c" in words:
                        at = words.index("-c")
                        shown = [[cell.strip() for cell in row.strip().strip("│").split("│")]
                                 for row in output if row.startswith("│")]
                        found.append(SqlExample(f"{block.id} duckdb -c", [(words[at + 1], shown)], at > 1))
    return found


def as_run_here(sql: str, lake: Path) -> str:
    """The SQL as the shell hands it to DuckDB from the repository's root: `$(python -c '...')` replaced by what the
    code prints, the placeholder DIR by the DuckLake folder, a path into .venv made absolute."""
    def printed(match: re.Match) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(match.group(1), {})
        return out.getvalue().strip()

    sql = re.sub(r"\$\(\S*python -c '([^']*)'\)", printed, sql)
    sql = re.sub(r"'(\.venv/[^']*)'", lambda match: f"'{ROOT / match.group(1)}'", sql)
    return re.sub(r"\bDIR\b", str(lake), sql)


@dataclass(frozen=True)
class Warehouse:
    db: Path
    lake: Path


def load(db: Path, source: Path, run_id: str, ducklake: Path | None = None) -> None:
    """One `trialqc run --no-report` in one process: load, check, issue history, search index and watch lists, the
    DuckLake copy when asked, publishing."""
    with warehouse_session(db, run_id, logging.getLogger("trialqc"), None, ducklake=ducklake) as session:
        run_pipeline(session.con, run_id=run_id, source=source, db_path=db, as_of=AS_OF, by_rule=False,
                     reconnected=session.use, workers=1)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Warehouse:
    """The bundled samples loaded as the README's watch-list transcript loads them: the files it moves in later held
    back, its `trialqc run` and `trialqc watch add` lines followed in order, the last run also publishing DuckLake.
    Every sample is loaded in the end."""
    transcript = next(block for block in fenced_blocks(DOCUMENTS[0]) if "trialqc watch add" in block.text
                      and block.lang in TRANSCRIPT)
    steps = [(words, output) for line, output in typed_lines(transcript) for words in simple_commands(line)]
    tmp = tmp_path_factory.mktemp("readme")
    db, source, lake = tmp / "trials.duckdb", tmp / "samples", tmp / "lake"
    later = {Path(words[1]).name for words, _ in steps if words[0] == "mv"}
    shutil.copytree(SAMPLES, source, ignore=lambda _, names: [name for name in names if name in later])
    runs = [number for number, (words, _) in enumerate(steps) if (trialqc_args(words) or [])[:1] == ["run"]]
    for number, (words, shown) in enumerate(steps):
        args = trialqc_args(words) or []
        if words[0] == "mv":
            shutil.copy(SAMPLES / Path(words[1]).name, source)
        elif args[:1] == ["run"]:
            load(db, source, f"readme-{number}", lake if number == runs[-1] else None)
        elif args[:2] == ["watch", "add"]:
            result = CliRunner().invoke(app, [*args, "--db", str(db)])
            assert (result.exit_code, in_words(result.output)) == (0, in_words("\n".join(shown))), result.output
    return Warehouse(db, lake)


def fetched(con: duckdb.DuckDBPyConnection, statement) -> tuple[list[tuple], str | None]:
    try:
        return con.execute(statement).fetchall(), None
    except duckdb.Error as exc:
        return [], str(exc)


SQL_EXAMPLES = sql_examples()


@pytest.mark.parametrize("example", SQL_EXAMPLES, ids=[example.id for example in SQL_EXAMPLES])
def test_sql_example_runs(example, warehouse):
    con = duckdb.connect(str(warehouse.db), read_only=True) if example.in_warehouse else duckdb.connect()
    try:
        for sql, shown in example.parts:
            rows = None
            for statement in duckdb.extract_statements(as_run_here(sql, warehouse.lake)):
                rows, error = fetched(con, statement)
                assert error is None, f"{statement.query.strip()}\n-> {error}"
                for phrase, count in PROMISED.items():
                    if phrase in statement.query:
                        assert len(rows) == count, statement.query
            if shown:
                assert [[str(value) for value in row] for row in rows or []] == shown, sql
    finally:
        con.close()


def test_every_example_named_in_the_tables_is_one_the_documents_show():
    for phrase in PROMISED:
        assert sum(phrase in example.text for example in SQL_EXAMPLES) == 1, phrase


def shown_outputs() -> list[tuple[str, list[str], str]]:
    """The SHOWN_OUTPUT commands of the documents' transcripts with the output shown: (test id, arguments, output)."""
    found = []
    for document in DOCUMENTS:
        for block in fenced_blocks(document):
            for line, output in typed_lines(block) if block.lang in TRANSCRIPT else []:
                for args in filter(None, map(trialqc_args, simple_commands(line))):
                    if any(args[:len(command)] == command for command in SHOWN_OUTPUT) and "".join(output).strip():
                        found.append((f"{block.id} trialqc {' '.join(args)}"[:90], args, "\n".join(output)))
    return found


def in_words(output: str) -> list[str]:
    """Output as words, however the terminal wrapped it, a run's id left out."""
    return re.sub(r"\bat run \S+:", "at run <id>:", output).split()


SHOWN_OUTPUTS = shown_outputs()


@pytest.mark.parametrize("args, shown", [case[1:] for case in SHOWN_OUTPUTS], ids=[case[0] for case in SHOWN_OUTPUTS])
def test_output_shown_is_what_the_command_prints(args, shown, warehouse):
    result = CliRunner().invoke(app, [*args, "--db", str(warehouse.db)])
    assert result.exit_code == 0, result.output
    assert in_words(result.output) == in_words(shown)
