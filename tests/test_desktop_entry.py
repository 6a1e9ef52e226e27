"""`--install-desktop-entry` / `--uninstall-desktop-entry` in a temporary HOME (conftest).

The install must leave a launcher, icons and a MIME type that the desktop tools
see; the uninstall must leave the folders exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_app import APP_ID, desktop_entry
from roadmap_app.cli import main
from roadmap_app.desktop_entry import DESKTOP_ID, MIME_TYPE, exec_line

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop entries are Linux")


def listing(root: Path) -> dict[str, bytes | None]:
    """Every path under root, with file contents (None for folders)."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def mimeapps() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "mimeapps.list"


def query_default() -> str:
    """What the desktop thinks opens our files: xdg-mime if present, else mimeapps.list."""
    if shutil.which("xdg-mime"):
        out = subprocess.run(
            ["xdg-mime", "query", "default", MIME_TYPE], capture_output=True, text=True, check=False
        )
        return out.stdout.strip()
    for line in mimeapps().read_text().splitlines():
        if line.startswith(f"{MIME_TYPE}="):
            return line.split("=", 1)[1].split(";")[0]
    return ""


def no_desktop_tools(monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(
        desktop_entry.shutil, "which",
        lambda name, *a, **k: None if name.startswith(("xdg-", "update-")) else real_which(name, *a, **k),
    )


@pytest.mark.slow  # a real process, and xdg-mime is a shell script: about 3 s
def test_console_script_installs_and_uninstalls_without_a_trace(isolated_user_dirs):
    script = Path(sys.executable).with_name("roadmap-planner")
    if not script.exists():
        pytest.skip("the roadmap-planner console script is not installed in this environment")
    home = isolated_user_dirs
    before = listing(home)
    result = subprocess.run([str(script), "--install-desktop-entry"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    desktop = data_home() / "applications" / DESKTOP_ID
    assert str(desktop) in result.stdout
    assert f"Exec={script.resolve()} %f" in desktop.read_text()
    assert (data_home() / f"icons/hicolor/48x48/apps/{APP_ID}.png").is_file()
    assert (data_home() / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (data_home() / f"mime/packages/{APP_ID}.xml").is_file()
    assert query_default() == DESKTOP_ID
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.roadmap" in (data_home() / "mime" / "globs2").read_text()

    result = subprocess.run([str(script), "--uninstall-desktop-entry"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert str(desktop) in result.stdout
    assert listing(home) == before


def test_without_xdg_utils_writes_mimeapps_list_itself(isolated_user_dirs, monkeypatch, capsys):
    no_desktop_tools(monkeypatch)
    before = listing(isolated_user_dirs)
    assert main(["--install-desktop-entry"]) == 0
    assert mimeapps().read_text() == f"[Default Applications]\n{MIME_TYPE}={DESKTOP_ID};\n"
    desktop = (data_home() / "applications" / DESKTOP_ID).read_text()
    assert f"Exec={exec_line([sys.executable, '-m', 'roadmap_app'])}\n" in desktop  # not a console script
    assert main(["--uninstall-desktop-entry"]) == 0
    assert listing(isolated_user_dirs) == before


def test_uninstall_restores_a_previous_default_and_other_entries(isolated_user_dirs):
    original = (
        "# mine\n[Added Associations]\ntext/plain=org.gnome.TextEditor.desktop;\n\n"
        f"[Default Applications]\n{MIME_TYPE}=org.example.Other.desktop;\ntext/html=firefox.desktop;\n"
    )
    mimeapps().parent.mkdir(parents=True)
    mimeapps().write_text(original)
    applications = data_home() / "applications"
    applications.mkdir(parents=True)
    (applications / "other.desktop").write_text("[Desktop Entry]\n")
    before = listing(isolated_user_dirs)

    assert main(["--install-desktop-entry"]) == 0
    assert query_default() == DESKTOP_ID
    assert "text/html=firefox.desktop;" in mimeapps().read_text()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert listing(isolated_user_dirs) == before


def test_uninstall_edits_only_our_line_when_mimeapps_changed_since(isolated_user_dirs, monkeypatch):
    no_desktop_tools(monkeypatch)
    mimeapps().parent.mkdir(parents=True)
    mimeapps().write_text(f"[Default Applications]\n{MIME_TYPE}=org.example.Other.desktop;\n")
    assert main(["--install-desktop-entry"]) == 0
    with mimeapps().open("a") as f:
        f.write("image/png=org.example.Viewer.desktop;\n")
    assert main(["--uninstall-desktop-entry"]) == 0
    assert mimeapps().read_text() == (
        f"[Default Applications]\n{MIME_TYPE}=org.example.Other.desktop;\n"
        "image/png=org.example.Viewer.desktop;\n"
    )


def test_a_default_the_user_chose_since_is_kept(isolated_user_dirs, monkeypatch):
    no_desktop_tools(monkeypatch)
    assert main(["--install-desktop-entry"]) == 0
    chosen = f"[Default Applications]\n{MIME_TYPE}=org.example.Chosen.desktop;\n"
    mimeapps().write_text(chosen)
    assert main(["--uninstall-desktop-entry"]) == 0
    assert mimeapps().read_text() == chosen
    assert not (data_home() / "applications" / DESKTOP_ID).exists()


def test_reinstall_then_one_uninstall_leaves_nothing(isolated_user_dirs):
    before = listing(isolated_user_dirs)
    assert main(["--install-desktop-entry"]) == 0
    assert main(["--install-desktop-entry"]) == 0
    assert query_default() == DESKTOP_ID
    assert main(["--uninstall-desktop-entry"]) == 0
    assert listing(isolated_user_dirs) == before


def test_uninstall_keeps_files_the_user_added_in_our_folders(isolated_user_dirs, monkeypatch):
    no_desktop_tools(monkeypatch)
    assert main(["--install-desktop-entry"]) == 0
    own = data_home() / "icons/hicolor/48x48/apps/someone-else.png"
    own.write_bytes(b"png")
    assert main(["--uninstall-desktop-entry"]) == 0
    assert own.read_bytes() == b"png"
    assert not (data_home() / f"icons/hicolor/48x48/apps/{APP_ID}.png").exists()


def test_uninstall_without_install_says_so(capsys):
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_a_corrupt_install_record_is_one_clear_error(planner_home, capsys):
    record = planner_home / "state" / desktop_entry.MANIFEST_NAME
    record.parent.mkdir(parents=True)
    record.write_text("{not json")
    assert main(["--uninstall-desktop-entry"]) == 1
    err = capsys.readouterr().err
    assert str(record) in err and err.count("\n") == 1


def test_other_systems_get_a_pointer_instead(monkeypatch, capsys):
    monkeypatch.setattr(desktop_entry.sys, "platform", "darwin")
    assert main(["--install-desktop-entry"]) == 1
    assert "PACKAGING.md" in capsys.readouterr().err


def test_a_bundle_launches_its_own_binary(monkeypatch, tmp_path):
    binary = tmp_path / "roadmap-planner"
    binary.write_text("")
    monkeypatch.setattr(desktop_entry.sys, "frozen", True, raising=False)
    monkeypatch.setattr(desktop_entry.sys, "executable", str(binary))
    assert desktop_entry.launch_command() == [str(binary.resolve())]


def _parse_exec(value: str) -> list[str]:
    """Read an Exec value back the way the Desktop Entry Specification says launchers do."""
    value = value.replace("\\\\", "\\")  # the string-level escape
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\" and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 1
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += ch
        i += 1
    args.append(current)
    return [a.replace("%%", "%") for a in args]


@pytest.mark.parametrize(
    "argv",
    [
        ["/usr/bin/roadmap-planner"],
        ["/home/me/My Apps/venv/bin/python", "-m", "roadmap_app"],
        ['/opt/we"ird/$HOME/`x`/back\\slash/100%/rp'],
    ],
)
def test_exec_line_round_trips(argv):
    assert _parse_exec(exec_line(argv)) == [*argv, "%f"]
