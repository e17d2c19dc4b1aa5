"""Shared fixtures: the repository's folders and a way to run the real command line."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WCXB = ROOT / "tests" / "data" / "wcxb"


# An article's paragraphs, for dumps built around them in the tests.
CYCLE_LANES = [
    "The council approved the new cycle lanes on Tuesday after a debate that lasted most of "
    "the evening, with residents from both sides of the river filling the public gallery.",
    "Work on the first section is due to start in the spring and should take about four "
    "months, the transport department said in a statement published after the vote.",
    "Shop owners on the high street had asked for loading bays to be kept, and the plan was "
    "changed to leave two of them in place outside the market.",
]


def wcxb_gold(page_id: str) -> dict:
    """A WCXB dev page's gold (``tests/data/wcxb/ID.gold.json.gz``)."""
    with gzip.open(WCXB / f"{page_id}.gold.json.gz", "rt", encoding="utf-8") as file:
        return json.load(file)


def wcxb_dump(page_id: str, converter: str) -> str:
    """A WCXB dev page as a converter dumped it (``tests/data/wcxb/ID.CONVERTER.txt.gz``)."""
    with gzip.open(WCXB / f"{page_id}.{converter}.txt.gz", "rt", encoding="utf-8") as file:
        return file.read()


@dataclass(frozen=True)
class Completed:
    """What a command printed and its exit status."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*arguments: str, stdin: bytes | None = None) -> Completed:
    """Run the command line in this process, with real files and streams.

    The command's ``main`` is what the ``cleaner`` script calls; running it
    in-process saves the interpreter start-up of a subprocess per test.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = main(list(arguments))
            except SystemExit as exit_:  # argparse exits on usage errors and --help
                code = int(exit_.code or 0)
    finally:
        sys.stdin = saved_stdin
    return Completed(code, stdout.getvalue(), stderr.getvalue())


def run_installed(
    *arguments: str, python: str = sys.executable, cwd: Path | None = None
) -> Completed:
    """Run ``python -m cleaner`` in a subprocess, as a user's shell would."""
    result = subprocess.run(
        [python, "-m", "cleaner", *arguments], capture_output=True, text=True, check=False, cwd=cwd
    )
    return Completed(result.returncode, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds cleaned once into a Parquet output folder."""
    out = tmp_path_factory.mktemp("seed-run") / "out"
    result = run_cli("clean", str(SEEDS), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    return out
