"""The shipped JSON Schema is the one the models generate, and files satisfy it."""

from __future__ import annotations

import json

from roadmap_app.assets import asset
from roadmap_app.cli import main
from roadmap_app.cli.cmd_schema import schema_text


def test_shipped_schema_is_current():
    shipped = asset("schema", "roadmap.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: roadmap-planner schema > resources/schema/roadmap.schema.json"


def test_schema_command_prints_valid_json(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["roadmap"]
    assert set(schema["required"]) >= {"roadmap"}
    node = schema["$defs"]["Node"]["properties"]
    for field in ("id", "title", "kind", "stage", "status", "status_history", "resources", "position"):
        assert field in node
