"""Unknown fields in our own files survive open, edit and save in the desktop app (pytest-qt):
a newer version's additions at every level are written back as they were."""

from __future__ import annotations

import json

from roadmap_app.model import Position, Status
from roadmap_app.storage import dumps
from roadmap_app.templates import load_template

pytest_plugins = ("ui_helpers",)


def test_unknown_fields_survive_edits_and_save(window, qtbot, tmp_path):
    raw = json.loads(dumps(load_template("ds-to-llm")))
    roadmap = raw["roadmap"]
    node = next(n for n in roadmap["nodes"] if n["resources"])
    resource = node["resources"][0]
    raw["x-envelope"] = {"written_by": "a newer version"}
    roadmap["x-roadmap"] = [1, 2, 3]
    roadmap["plan"]["x-plan"] = "weekly review"
    node["x-node"] = {"difficulty": 3}
    resource["x-resource"] = True
    roadmap["edges"][0]["x-edge"] = 0.5
    path = tmp_path / "newer.roadmap"
    path.write_text(json.dumps(raw), encoding="utf-8")

    assert window.files.open_path(path)
    editor = window.editor
    editor.set_status([node["id"]], Status.IN_PROGRESS)
    editor.update_node(node["id"], title="Renamed", notes="my notes")
    editor.update_resource(node["id"], resource["id"], title="Renamed resource", status=Status.DONE)
    editor.move_nodes({node["id"]: Position(x=12.0, y=34.0)})
    editor.set_plan(hours_per_week=7.5)
    assert window.files.save(wait=True)

    saved = json.loads(path.read_bytes())
    out = saved["roadmap"]
    out_node = next(n for n in out["nodes"] if n["id"] == node["id"])
    assert out_node["title"] == "Renamed" and out_node["status"] == "in_progress"  # the edits landed...
    assert out_node["resources"][0]["title"] == "Renamed resource"
    assert out["plan"]["hours_per_week"] == 7.5
    assert saved["x-envelope"] == {"written_by": "a newer version"}  # ...and nothing was dropped
    assert out["x-roadmap"] == [1, 2, 3]
    assert out["plan"]["x-plan"] == "weekly review"
    assert out_node["x-node"] == {"difficulty": 3}
    assert out_node["resources"][0]["x-resource"] is True
    first_edge = next(e for e in out["edges"] if e["source"] == roadmap["edges"][0]["source"]
                      and e["target"] == roadmap["edges"][0]["target"])
    assert first_edge["x-edge"] == 0.5
