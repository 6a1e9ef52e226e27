"""`roadmap-planner schema`: print the JSON Schema generated from the models."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def schema_text() -> str:
    from ..model import RoadmapFile

    schema = RoadmapFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Roadmap Planner file (.roadmap)"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def run(args: argparse.Namespace) -> int:
    print(schema_text(), end="")
    return 0
