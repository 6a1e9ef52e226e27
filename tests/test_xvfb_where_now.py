"""The first start of the real program under Xvfb: "Where are you now?" opens by
itself, is answered with the keyboard alone, and its answers reach the saved plan."""

from __future__ import annotations

import subprocess

import pytest
from test_xvfb_real_window import (
    _command,
    _env,
    _log,
    _main_window,
    _wait,
    find_windows,
    send_keys,
    window_visible,
    xvfb_display,  # noqa: F401 - the fixture
)

from roadmap_app.model import Status
from roadmap_app.storage import codec

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


def test_first_start_asks_where_you_are_and_saves_the_answers(xvfb_display, tmp_path):  # noqa: F811
    env = _env(tmp_path, xvfb_display)
    log = (tmp_path / "app.log").open("w+")
    app = subprocess.Popen(_command(), env=env, stdout=log, stderr=subprocess.STDOUT)
    plan = tmp_path / "home/.local/share/roadmap-planner/my-plan.roadmap"
    try:
        wizards = find_windows(env, "Where Are You Now")
        assert wizards, f"the flow did not open on first start; app log:\n{_log(log)}"
        wizard = wizards[-1]
        # Profile list: the next profile; Next. Stage tree: tick the first stage; Next.
        # Hours (selected on entry): 20; Finish.
        send_keys(env, wizard, "Down", "Return", "space", "Return", "2", "0", "Return")
        assert _wait(lambda: not window_visible(env, "Where Are You Now"), 15), _log(log)

        main = _main_window(env)
        send_keys(env, main, "ctrl+s")
        send_keys(env, main, "ctrl+q")
        assert app.wait(30) == 0, _log(log)

        roadmap = codec.loads(plan.read_bytes()).roadmap
        first_stage = roadmap.stage_order()[0]
        assert roadmap.plan.hours_per_week == 20.0
        assert roadmap.plan.profile
        stage_nodes = [n for n in roadmap.nodes if n.stage == first_stage and n.kind.value != "practice"]
        assert stage_nodes and all(n.status is Status.DONE for n in stage_nodes)
        assert all(n.completed_on is not None for n in stage_nodes)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
        log.close()
