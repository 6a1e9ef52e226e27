"""Build the PyInstaller one-folder app with packaging/roadmap-planner.spec and run it.

The bundle is run with a bare environment (PATH=/usr/bin:/bin, no venv, no
PYTHONPATH) from a folder outside the checkout, so it must carry its own Python,
Qt plugins and data files. One build (about a minute) serves every test here.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from roadmap_app import APP_ID, __version__

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "roadmap-planner.spec"
EXE_NAME = "roadmap-planner.exe" if sys.platform == "win32" else "roadmap-planner"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Iterator[Path]:
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed: pip install -e '.[test]' (or '.[dist]')"
    )
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        pytest.skip("PyInstaller needs objdump on Linux: install binutils")
    work = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "cache")}  # not the user's cache
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=work, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stderr[-4000:]}"
    exe = work / "dist" / "roadmap-planner" / EXE_NAME
    assert exe.is_file()
    yield exe
    shutil.rmtree(work, ignore_errors=True)  # 200+ MB: do not leave it for pytest's tmp rotation


def run_bundled(exe: Path, home: Path, *args: str, timeout: float = 120,
                path: str = "/usr/bin:/bin") -> subprocess.CompletedProcess:
    """Run the bundled binary the way a user without Python would."""
    env = {
        "PATH": path,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "ROADMAP_PLANNER_HOME": str(home / "planner"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(
        [str(exe), *args], cwd=home, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_bundled_binary_prints_its_version(bundle, isolated_user_dirs):
    result = run_bundled(bundle, isolated_user_dirs, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"roadmap-planner {__version__}"


def test_bundled_binary_finds_its_templates(bundle, isolated_user_dirs):
    result = run_bundled(bundle, isolated_user_dirs, "templates")
    assert result.returncode == 0, result.stderr
    assert "ml-architect" in result.stdout


def test_bundle_holds_the_qt_it_needs_and_not_more(bundle):
    internal = bundle.parent / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    plugins = "PySide6/Qt/plugins"
    if sys.platform.startswith("linux"):
        for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "platforms/libqwayland.so",
                       "imageformats/libqsvg.so", "iconengines/libqsvgicon.so"):
            assert f"{plugins}/{plugin}" in files, plugin
    unwanted = ("Qt6Qml", "Qt6Quick", "WebEngine", "Qt6Multimedia", "Qt6Sql", "Qt6Pdf", "QtQml", "QtQuick")
    assert not [f for f in files if any(u in f for u in unwanted)]
    assert f"roadmap_app/data/icons/{APP_ID}.svg" in files
    assert "roadmap_app/data/templates/ml-architect.roadmap" in files


def test_every_app_module_and_the_dashboard_library_are_bundled(bundle):
    # The CLI and the GUI import most of their modules lazily, where PyInstaller cannot see.
    toc = (bundle.parents[2] / "build" / "roadmap-planner" / "PYZ-00.toc").read_text()
    package = REPO / "roadmap_app"
    expected = {
        ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for path in package.rglob("*.py")
    }
    assert len(expected) > 20
    missing = sorted(name for name in expected if f"'{name}'" not in toc)
    assert not missing, f"not in the bundle: {missing}"
    assert "'pyqtgraph.graphicsItems.PlotItem.PlotItem'" in toc


def test_bundled_gui_starts_headless_and_creates_the_first_plan(bundle, isolated_user_dirs):
    home = isolated_user_dirs
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "ROADMAP_PLANNER_HOME": str(home / "planner")}
    plan = home / "planner" / "data" / "my-plan.roadmap"
    proc = subprocess.Popen([str(bundle)], cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and not plan.exists():
            time.sleep(0.2)
        running = proc.poll() is None
    finally:
        proc.kill()
        _out, err = proc.communicate(timeout=30)
    assert running, f"the bundled GUI exited with {proc.returncode}: {err.decode(errors='replace')[-2000:]}"
    assert plan.exists(), "the bundled GUI did not create the first plan within 60 s"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop entries are Linux")
def test_bundled_desktop_entry_launches_the_bundle(bundle, isolated_user_dirs):
    result = run_bundled(bundle, isolated_user_dirs, "--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    desktop = isolated_user_dirs / ".local/share/applications" / f"{APP_ID}.desktop"
    assert f"Exec={bundle.resolve()} %f" in desktop.read_text()
    result = run_bundled(bundle, isolated_user_dirs, "--uninstall-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert not desktop.exists()


def test_bundled_binary_exports_the_template_to_png_headless(bundle, isolated_user_dirs):
    no_python = isolated_user_dirs / "empty-bin"  # nothing on PATH at all, so surely no Python
    no_python.mkdir()
    result = run_bundled(bundle, isolated_user_dirs, "export", "--template", "ml-architect", "-o", "out.png",
                         path=str(no_python))
    assert result.returncode == 0, result.stderr
    data = (isolated_user_dirs / "out.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 800 and height >= 400
    assert len(data) > 20_000  # a real drawing, not a blank canvas
