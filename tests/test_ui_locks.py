"""One writer per plan, seen from the window (pytest-qt): a plan another live process has
open opens read-only with a message; once that process is killed, its lock is stale and
the plan opens for editing and saves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from roadmap_app.model import Status
from roadmap_app.storage import load, save
from roadmap_app.storage import lock as lock_mod
from roadmap_app.templates import load_template

pytest_plugins = ("ui_helpers",)

HOLDER = textwrap.dedent("""
    import sys, time
    from roadmap_app.storage import acquire
    lock = acquire(sys.argv[1])
    print("locked", flush=True)
    time.sleep(60)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_plan_locked_by_a_live_process_is_read_only_then_stale_after_it_is_killed(
        window, dialogs, qtbot, tmp_path):
    path = tmp_path / "shared.roadmap"
    save(path, load_template("ds-to-llm"))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ))
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert window.files.open_path(path)
        assert window.document.read_only_reason
        assert "(read-only)" in window.windowTitle()
        assert window.read_only_banner.isVisible() and not dialogs.infos  # said once, in the banner
    finally:
        holder.send_signal(signal.SIGKILL)  # the other instance crashes, leaving its lock file
        holder.wait()
    assert lock_mod.lock_path(path).exists()
    infos = len(dialogs.infos)
    assert window.files.open_path(path)  # a stale lock is taken over without a question
    assert not window.document.read_only_reason
    assert "(read-only)" not in window.windowTitle() and not window.read_only_banner.isVisible()
    assert len(dialogs.infos) == infos and not dialogs.errors
    node_id = window.document.roadmap.nodes[0].id
    window.edits.set_status([node_id], Status.DONE)
    assert window.files.save(wait=True)
    assert load(path).roadmap.node(node_id).status is Status.DONE
