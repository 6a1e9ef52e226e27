"""Hypothesis stateful test: random edits, undo, save, autosave, crash, reopen.

The machine edits a Roadmap in memory (with an undo stack of snapshots),
saves it with `save_plan` (each returned save is "acknowledged"), writes
autosave recovery copies, and crashes in the middle of a save: the crash is
an exception thrown from inside an os call of the save (open, write, fsync
or the replace), with the save's own cleanup disabled, as if the process had
died there and left its temporary file behind. Reopening runs the startup
cleanup and `open_plan`. Invariants: the plan on disk always equals the last
acknowledged save, no temporary file survives a restart, and the recovery
copy offered after a crash is the last autosave.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from storage_support import dead_pid

from roadmap_app.model import Edge, Node, Roadmap, Status
from roadmap_app.storage import (
    SaveError,
    dumps,
    open_plan,
    pending_recovery,
    save_plan,
    startup_cleanup,
    write_recovery,
)
from roadmap_app.storage.atomic import TMP_SUFFIX

DEAD = dead_pid()


class SimulatedCrash(BaseException):
    """The process dies here: nothing after this point runs."""


@contextlib.contextmanager
def crash_inside(step: str):
    """Make the save die at `step`; the dead process cannot clean up after itself."""
    real = {name: getattr(os, name) for name in ("open", "write", "fsync", "replace", "unlink", "getpid")}

    def die(*_a, **_k):
        raise SimulatedCrash(step)

    def partial_write(fd, data):
        real["write"](fd, bytes(data[: len(data) // 2]))
        raise SimulatedCrash(step)

    def open_then_die(path, flags, *args, **kw):
        fd = real["open"](path, flags, *args, **kw)
        if str(path).endswith(TMP_SUFFIX):
            raise SimulatedCrash(step)
        return fd

    patches = {
        "open": ("open", open_then_die),
        "write": ("write", partial_write),
        "fsync": ("fsync", die),
        "replace": ("replace", die),
    }
    name, fake = patches[step]
    setattr(os, name, fake)
    os.getpid = lambda: DEAD  # the temp file is named for the process that dies here
    os.unlink = lambda *_a, **_k: (_ for _ in ()).throw(OSError(errno.EIO, "dead"))
    try:
        yield
    finally:
        for attr, value in real.items():
            setattr(os, attr, value)


class PlanLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="rp-stateful-"))
        self.old_home = os.environ.get("ROADMAP_PLANNER_HOME")
        os.environ["ROADMAP_PLANNER_HOME"] = str(self.dir / "home")
        self.path = self.dir / "plans" / "plan.roadmap"
        self.roadmap = Roadmap(id="p", title="Plan", nodes=[Node(id="n0", title="Start")])
        self.undo: list[Roadmap] = []
        self.next_id = 1
        self.acknowledged: bytes | None = None
        self.autosaved: bytes | None = None  # newest recovery copy not yet cleared by a save
        self.loaded = None

    def teardown(self) -> None:
        if self.old_home is None:
            os.environ.pop("ROADMAP_PLANNER_HOME", None)
        else:
            os.environ["ROADMAP_PLANNER_HOME"] = self.old_home
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- edits (each one undoable) ------------------------------------
    def _edit(self) -> Roadmap:
        self.undo.append(self.roadmap.model_copy(deep=True))
        return self.roadmap

    @rule(index=st.integers(0, 50), status=st.sampled_from(list(Status)))
    def set_status(self, index, status):
        node = self._edit().nodes[index % len(self.roadmap.nodes)]
        node.status = status

    @rule(title=st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "So"]), min_size=1,
                        max_size=20))
    def add_node(self, title):
        self._edit().nodes.append(Node(id=f"n{self.next_id}", title=title.strip() or "x"))
        self.next_id += 1

    @rule(a=st.integers(0, 50), b=st.integers(0, 50))
    def add_edge(self, a, b):
        nodes = self.roadmap.nodes
        i, j = sorted((a % len(nodes), b % len(nodes)))
        if i == j or any(e.source == nodes[i].id and e.target == nodes[j].id for e in self.roadmap.edges):
            return
        self._edit().edges.append(Edge(source=nodes[i].id, target=nodes[j].id))  # forward only: acyclic

    @precondition(lambda self: len(self.roadmap.nodes) > 1)
    @rule(index=st.integers(0, 50))
    def remove_node(self, index):
        roadmap = self._edit()
        gone = roadmap.nodes.pop(index % len(roadmap.nodes)).id
        roadmap.edges = [e for e in roadmap.edges if gone not in (e.source, e.target)]

    @precondition(lambda self: self.undo)
    @rule()
    def undo_edit(self):
        self.roadmap = self.undo.pop()

    # -- files ----------------------------------------------------------
    @rule()
    def save(self):
        result = save_plan(self.path, self.roadmap, loaded=self.loaded)
        self.acknowledged = result.data
        self.loaded = result.loaded
        self.autosaved = None  # a clean save clears the recovery copy

    @rule()
    def autosave(self):
        data = dumps(self.roadmap)
        write_recovery(self.path, data)
        self.autosaved = data

    @rule(step=st.sampled_from(["open", "write", "fsync", "replace"]))
    def crash_during_save_then_restart(self, step):
        try:
            with crash_inside(step):
                save_plan(self.path, self.roadmap, loaded=self.loaded)
        except (SimulatedCrash, SaveError):
            pass
        else:
            raise AssertionError("the crash did not happen")
        self._restart()

    @rule()
    def restart(self):
        self._restart()

    def _restart(self):
        startup_cleanup(self.path)
        opened = open_plan(self.path)
        if self.acknowledged is None:
            assert opened.missing
            self.roadmap = Roadmap(id="p", title="Plan", nodes=[Node(id="n0", title="Start")])
        else:
            assert opened.ok, opened.error
            self.roadmap = opened.loaded.roadmap
            self.loaded = opened.loaded
        offered = pending_recovery(self.path)
        if self.autosaved is not None and self.autosaved != self.acknowledged:
            assert offered is not None and offered.read() == self.autosaved
        elif self.autosaved is None:
            assert offered is None
        self.undo.clear()

    @invariant()
    def disk_equals_last_acknowledged_save(self):
        if self.acknowledged is None:
            return
        assert self.path.read_bytes() == self.acknowledged


TestPlanLifecycle = PlanLifecycle.TestCase
TestPlanLifecycle.settings = settings(
    max_examples=15, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_restart_leaves_no_temp_files(tmp_path):
    plan = tmp_path / "p.roadmap"
    save_plan(plan, Roadmap(id="p", title="P"))
    for step in ("open", "write", "fsync", "replace"):
        with contextlib.suppress(SimulatedCrash, SaveError), crash_inside(step):
            save_plan(plan, Roadmap(id="p", title=f"crash at {step}"))
    assert any(p.name.endswith(TMP_SUFFIX) for p in tmp_path.iterdir())  # the dead saves left debris
    startup_cleanup(plan)
    assert [p.name for p in tmp_path.iterdir()] == ["p.roadmap"]
    assert open_plan(plan).loaded.roadmap.title == "P"
