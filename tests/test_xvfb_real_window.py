"""`roadmap-planner` as a real process in a real X window (Xvfb), quit with Ctrl+Q.

Starts its own Xvfb on a free display, runs the app with a temporary HOME, XDG
folders and data folder, waits for the window with xdotool, grabs the screen
from a second Qt process on the same display, checks the picture is not
blank, sends Ctrl+Q and expects exit code 0 and the default plan on disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

GRAB = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
step = 4
colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
print(len(colours))
"""


def _free_display() -> int:
    for number in range(91, 199):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("no free X display number")


def _wait(predicate, timeout: float, step: float = 0.1) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


@pytest.fixture
def xvfb_display():
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        pytest.skip("Xvfb and xdotool are needed (Debian: xvfb, xdotool)")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        if not _wait(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 15):
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def _command() -> list[str]:
    script = Path(sys.executable).with_name("roadmap-planner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "roadmap_app"]


def _env(tmp_path: Path, display: str) -> dict[str, str]:
    # No ROADMAP_PLANNER_HOME: the app must find its folders from HOME and XDG like a user's.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "XDG_", "WAYLAND", "ROADMAP_PLANNER"))}
    home = tmp_path / "home"
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    (tmp_path / "runtime").mkdir(mode=0o700)
    return env


def test_real_window_starts_paints_and_quits_with_ctrl_q(xvfb_display, tmp_path):
    env = _env(tmp_path, xvfb_display)
    log = (tmp_path / "app.log").open("w+")
    app = subprocess.Popen(_command(), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Roadmap Planner"],
            env=env, capture_output=True, text=True, timeout=60,
        )
        window_ids = found.stdout.split()
        assert found.returncode == 0 and window_ids, f"no window; app log:\n{_log(log)}"
        dismiss_where_now(env)  # a first start asks where the user starts from
        window_id = _main_window(env)

        shot = tmp_path / "screen.png"

        def painted() -> bool:
            grab = subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=env,
                                  capture_output=True, text=True, timeout=30)
            return grab.returncode == 0 and int(grab.stdout.strip() or 0) > 40

        assert _wait(painted, 20, 0.5), f"the screen stayed blank; app log:\n{_log(log)}"

        # Qt ignores synthetic (XSendEvent) keys; for the focused window xdotool types with XTEST.
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, timeout=10)
        subprocess.run(["xdotool", "key", "--window", window_id, "ctrl+q"], env=env, timeout=10,
                       capture_output=True)
        code = app.wait(20)
        assert code == 0, _log(log)
        assert (tmp_path / "home/.local/share/roadmap-planner/my-plan.roadmap").is_file()
        assert (tmp_path / "home/.config/roadmap-planner/settings.json").is_file()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
        log.close()


def find_windows(env: dict[str, str], name: str, timeout: float = 60) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", name],
                           env=env, capture_output=True, text=True, timeout=timeout)
    return found.stdout.split() if found.returncode == 0 else []


def send_keys(env: dict[str, str], window_id: str, *keys: str) -> None:
    """Focus the window, then type (Qt ignores synthetic events; focused, xdotool uses XTEST)."""
    subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, timeout=10)
    subprocess.run(["xdotool", "key", "--delay", "120", "--window", window_id, *keys], env=env,
                   timeout=30, capture_output=True)


def dismiss_where_now(env: dict[str, str]) -> None:
    for wizard in find_windows(env, "Where Are You Now", 30):
        send_keys(env, wizard, "Escape")
    assert _wait(lambda: not window_visible(env, "Where Are You Now"), 10)


def window_visible(env: dict[str, str], name: str) -> bool:
    return bool(subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], env=env,
                               capture_output=True, text=True, timeout=10).stdout.split())


def _main_window(env: dict[str, str]) -> str:
    """The main window's id: its title names the plan file."""
    ids = find_windows(env, r"\.roadmap.*Roadmap Planner")
    assert ids, "no main window"
    return ids[-1]


def _log(handle) -> str:
    handle.flush()
    handle.seek(0)
    return handle.read()[-4000:]
