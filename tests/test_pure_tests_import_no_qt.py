"""The model, graph, storage and planning tests run without PySide6.

The import contracts keep Qt out of the pure packages; this proves the same of
their *tests* (and the shared helpers they use), in a fresh interpreter where
pytest-qt has not imported Qt already, and that none of them asks for a Qt fixture.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATTERNS = ("test_model_*.py", "test_graph_*.py", "test_layout.py", "test_storage_*.py", "test_schema.py",
            "test_planning*.py", "test_templates.py", "test_crash_safety.py")
QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "qtlog", "window", "dialogs"}

SCRIPT = r"""
import importlib, inspect, json, sys
sys.path.insert(0, sys.argv[1])
found = {}
for name in sys.argv[2:]:
    module = importlib.import_module(name)
    for attr, value in vars(module).items():
        if attr.startswith("test_") and callable(value):
            found[name + "." + attr] = list(inspect.signature(value).parameters)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print(json.dumps({"qt": qt, "tests": found}))
"""


def test_pure_layer_tests_import_no_qt_and_use_no_qt_fixture():
    modules = sorted({p.stem for pattern in PATTERNS for p in HERE.glob(pattern)})
    assert len(modules) >= 15, modules  # the patterns still match the test files
    modules = ["conftest", "storage_support", *modules]
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(HERE), *modules], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["qt"] == [], report["qt"]
    assert len(report["tests"]) > 100
    uses_qt = {name: params for name, params in report["tests"].items() if QT_FIXTURES & set(params)}
    assert uses_qt == {}
