"""Per-user desktop integration on Linux: launcher entry, icons and the `.roadmap` file type.

`roadmap-planner --install-desktop-entry` writes into the user's XDG folders:
the .desktop file, the hicolor icons, the shared-mime-info XML, and makes the
app the default for `application/x-roadmap-planner`. Every file and folder it
creates, and the default it replaced, is recorded in a manifest in the state
folder, so `--uninstall-desktop-entry` removes exactly that and no more.

The .desktop and MIME texts are built here, because a wheel does not carry
packaging/; packaging/linux/ holds the same files for distribution packagers
and a test keeps the two in step. No Qt is imported: this runs headless.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import APP_ID, APP_NAME
from .assets import asset
from .storage.atomic import atomic_write
from .storage.paths import state_dir

DESKTOP_ID = f"{APP_ID}.desktop"
MIME_TYPE = "application/x-roadmap-planner"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MANIFEST_NAME = "desktop-entry.json"
DEFAULTS_SECTION = "[Default Applications]"
# The Exec quoting rules of the Desktop Entry Specification: these characters need quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_TOOL_TIMEOUT = 60


def desktop_entry_text(exec_line: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        f"Name={APP_NAME}\n"
        "GenericName=Career Roadmap Planner\n"
        "Comment=Plan your path from education to machine-learning architect\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "StartupNotify=true\n"
        "Categories=Education;Office;\n"
        f"MimeType={MIME_TYPE};\n"
        "Keywords=roadmap;career;learning;study;plan;skills;machine learning;\n"
    )


def mime_xml_text() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        f'  <mime-type type="{MIME_TYPE}">\n'
        "    <comment>Roadmap Planner plan</comment>\n"
        '    <sub-class-of type="application/json"/>\n'
        f'    <icon name="{APP_ID}"/>\n'
        '    <glob pattern="*.roadmap"/>\n'
        "  </mime-type>\n"
        "</mime-info>\n"
    )


def exec_line(argv: list[str]) -> str:
    """The Exec value for argv plus %f, quoted and escaped as the spec asks."""
    parts = []
    for arg in argv:
        if any(ch in _RESERVED for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        parts.append(arg.replace("%", "%%"))
    # The value is itself a desktop-file string, where a backslash is written twice.
    return " ".join(parts).replace("\\", "\\\\") + " %f"


def launch_command() -> list[str]:
    """How a launcher starts this same installation of the app."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the binary itself
        return [str(Path(sys.executable).resolve())]
    arg0 = sys.argv[0] if sys.argv else ""
    if Path(arg0).name.startswith("roadmap-planner"):
        found = arg0 if os.sep in arg0 else shutil.which(arg0)
        if found and Path(found).is_file():
            return [str(Path(found).resolve())]
    # Not resolved: a venv's python is a symlink, and resolving it would leave the venv.
    return [sys.executable, "-m", "roadmap_app"]


def _xdg(var: str, default: str) -> Path:
    value = os.environ.get(var, "")
    return Path(value) if os.path.isabs(value) else Path.home() / default


def _targets(data_home: Path) -> dict[Path, bytes]:
    """Every file install() writes, with its bytes."""
    files = {
        data_home / "applications" / DESKTOP_ID: desktop_entry_text(exec_line(launch_command())).encode(),
        data_home / "mime" / "packages" / f"{APP_ID}.xml": mime_xml_text().encode(),
        data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg": asset(
            "icons", f"{APP_ID}.svg"
        ).read_bytes(),
    }
    for size in ICON_SIZES:
        rel = f"hicolor/{size}x{size}/apps/{APP_ID}.png"
        files[data_home / "icons" / rel] = asset("icons", rel).read_bytes()
    return files


def _make_dirs(directory: Path, created: list[str]) -> None:
    """mkdir -p, remembering each folder that did not exist, outermost first."""
    missing = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(str(path))


def _run_tool(argv: list[str], done: list[str]) -> bool:
    """Run a desktop tool if it is installed; a missing or failing tool is not fatal."""
    if shutil.which(argv[0]) is None:
        return False
    try:
        result = subprocess.run(argv, capture_output=True, timeout=_TOOL_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    if result.returncode == 0:
        done.append(" ".join(argv))
    return result.returncode == 0


def _get_default(text: str, mime: str) -> str | None:
    section = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == DEFAULTS_SECTION and stripped.partition("=")[0].strip() == mime:
            return stripped.partition("=")[2].strip()
    return None


def _set_default(text: str, mime: str, value: str | None) -> str:
    """Set (or with None remove) mime's entry in [Default Applications], keeping all else."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == DEFAULTS_SECTION), None)
    if start is None:
        if value is None:
            return text
        prefix = "\n".join(lines).rstrip("\n")
        return (prefix + "\n\n" if prefix else "") + f"{DEFAULTS_SECTION}\n{mime}={value}\n"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("[")), len(lines))
    body = [line for line in lines[start + 1 : end] if line.partition("=")[0].strip() != mime]
    if value is not None:
        body.insert(0, f"{mime}={value}")
    keys_left = any("=" in line and not line.lstrip().startswith("#") for line in body)
    section = [lines[start], *body] if keys_left else []
    result = [*lines[:start], *section, *lines[end:]]
    return "\n".join(result).strip("\n") + "\n" if any(s.strip() for s in result) else ""


def _make_default(config_home: Path, manifest: dict, done: list[str]) -> None:
    mimeapps = config_home / "mimeapps.list"
    existed = mimeapps.exists()
    text = mimeapps.read_text(encoding="utf-8") if existed else ""
    record = {"path": str(mimeapps), "existed": existed, "original": text if existed else None,
              "previous": _get_default(text, MIME_TYPE), "installed": None}
    manifest["mimeapps"] = record
    _make_dirs(config_home, manifest["dirs"])
    _run_tool(["xdg-mime", "default", DESKTOP_ID, MIME_TYPE], done)
    text = mimeapps.read_text(encoding="utf-8") if mimeapps.exists() else ""
    if (_get_default(text, MIME_TYPE) or "").split(";")[0] != DESKTOP_ID:
        # No xdg-mime, or it wrote a desktop-specific file: write the standard one ourselves.
        text = _set_default(text, MIME_TYPE, f"{DESKTOP_ID};")
        atomic_write(mimeapps, text.encode())
        done.append(f"{mimeapps}: {MIME_TYPE}={DESKTOP_ID}")
    record["installed"] = text


def _undo_default(record: dict) -> str | None:
    """Give the MIME type back its previous default; say what was done, if anything."""
    mimeapps = Path(record["path"])
    if not mimeapps.exists():
        return None
    text = mimeapps.read_text(encoding="utf-8")
    if (_get_default(text, MIME_TYPE) or "").split(";")[0] != DESKTOP_ID:
        return None  # the user picked another default since: theirs to keep
    previous = record.get("previous")
    if text == record.get("installed") and record.get("original") is not None:
        text = record["original"]  # untouched since install: put back every byte
    else:
        text = _set_default(text, MIME_TYPE, previous)
    if not text and not record.get("existed"):
        mimeapps.unlink()
        return str(mimeapps)
    atomic_write(mimeapps, text.encode())
    return f"{mimeapps}: {MIME_TYPE} " + (f"back to {previous}" if previous else "default removed")


def _manifest_path() -> Path:
    return state_dir() / MANIFEST_NAME


def _refresh_caches(data_home: Path, done: list[str], *, launcher_cache: bool) -> None:
    if (data_home / "mime").is_dir():
        _run_tool(["update-mime-database", str(data_home / "mime")], done)
    if launcher_cache and (data_home / "applications").is_dir():
        _run_tool(["update-desktop-database", str(data_home / "applications")], done)


def install() -> int:
    if not sys.platform.startswith("linux"):
        print("roadmap-planner: desktop entries are for Linux; see docs/PACKAGING.md for Windows "
              "and macOS", file=sys.stderr)
        return 1
    if _manifest_path().exists():
        uninstall(quiet=True)  # a reinstall starts clean, so the manifest stays exact
    data_home = _xdg("XDG_DATA_HOME", ".local/share")
    config_home = _xdg("XDG_CONFIG_HOME", ".config")
    launcher_cache = data_home / "applications" / "mimeinfo.cache"
    had_launcher_cache = launcher_cache.exists()
    manifest: dict = {"version": 1, "files": [], "dirs": [], "mimeapps": None}
    done: list[str] = []
    targets = _targets(data_home)
    _make_dirs(_manifest_path().parent, manifest["dirs"])
    try:
        for path, data in targets.items():
            _make_dirs(path.parent, manifest["dirs"])
            existed = path.exists()
            atomic_write(path, data)
            if not existed:
                manifest["files"].append(str(path))
            done.append(str(path))
        _refresh_caches(data_home, done, launcher_cache=True)
        if not had_launcher_cache and launcher_cache.exists():
            manifest["files"].append(str(launcher_cache))  # ours: uninstall deletes it
        _make_default(config_home, manifest, done)
    finally:  # even a half-done install can be uninstalled
        atomic_write(_manifest_path(), json.dumps(manifest, indent=2).encode())
    print(f"Installed the {APP_NAME} desktop entry for this user:")
    for line in done:
        print(f"  {line}")
    print(f"Default application for {MIME_TYPE}: {DESKTOP_ID}")
    return 0


def uninstall(*, quiet: bool = False) -> int:
    manifest_path = _manifest_path()
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if not quiet:
            print("Nothing to remove: no desktop entry was installed for this user.")
        return 0
    except (OSError, ValueError) as exc:
        print(f"roadmap-planner: {manifest_path}: cannot read the install record: {exc}", file=sys.stderr)
        return 1
    data_home = _xdg("XDG_DATA_HOME", ".local/share")
    removed: list[str] = []
    for name in manifest.get("files", []):
        with contextlib.suppress(FileNotFoundError):
            Path(name).unlink()
            removed.append(name)
    if manifest.get("mimeapps") and (undone := _undo_default(manifest["mimeapps"])):
        removed.append(undone)
    # A launcher cache that install() created was deleted above; one that was there before is refreshed.
    _refresh_caches(
        data_home, [], launcher_cache=(data_home / "applications" / "mimeinfo.cache").exists()
    )
    manifest_path.unlink()
    for name in reversed(manifest.get("dirs", [])):
        _remove_dir(Path(name), removed)
    if not quiet:
        print(f"Removed the {APP_NAME} desktop entry:")
        for line in removed:
            print(f"  {line}")
    return 0


def _remove_dir(directory: Path, removed: list[str]) -> None:
    """Remove a folder install() created, once nothing but regenerable caches is left in it."""
    if not directory.is_dir():
        return
    if directory.name == "mime" and not (directory / "packages").exists():
        # Without packages/ everything here is update-mime-database's output.
        shutil.rmtree(directory, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            directory.rmdir()  # fails, rightly, when the user put something there since
    if not directory.exists():
        removed.append(str(directory))
