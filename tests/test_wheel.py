"""The contracts ship inside the package: build the wheel, install it, validate with it.

The wheel is installed without its dependencies into a fresh virtual
environment; the dependencies are borrowed from the test's own environment
through a path file, so no network is needed and the package itself (code,
schemas, data) can only come from the wheel.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_installed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory: pytest.TempPathFactory) -> str:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((work / "dist").glob("cleaner-*.whl"))
    venv.create(work / "venv", with_pip=False)
    python = work / "venv" / "bin" / "python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    )
    purelib = Path(target.stdout.strip())
    dependencies = sysconfig.get_paths()["purelib"]
    (purelib / "borrowed-dependencies.pth").write_text(dependencies + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return str(python)


def test_the_package_comes_from_the_wheel(installed_python: str, tmp_path: Path):
    where = subprocess.run(
        [
            installed_python,
            "-c",
            "import importlib.resources as r, cleaner;"
            "print(cleaner.__file__); print(r.files('cleaner.schemas'))",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert str(ROOT) not in where
    assert "site-packages" in where


def test_the_installed_package_cleans_and_validates(installed_python: str, tmp_path: Path):
    out = tmp_path / "out"
    cleaned = run_installed(
        "clean", str(SEEDS), "-o", str(out), "-q", python=installed_python, cwd=tmp_path
    )
    assert cleaned.returncode == 0, cleaned.stderr
    checked = run_installed("check", str(out), python=installed_python, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "schema articles: valid" in checked.stdout
