"""Regression test for the PySide6 reference bug on `None`.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every call of a
method returning void; after enough calls the interpreter aborts with
"Fatal Python error: none_dealloc". pyproject.toml excludes that version.
The calls run in a subprocess so a crash there cannot take the test run down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

CALLS = 20_000

CHILD = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtCore import QByteArray, QObject, QPointF, QRectF, QSizeF, QTimer
    from PySide6.QtGui import QColor, QStandardItemModel
    import PySide6

    obj, timer, rect, point = QObject(), QTimer(), QRectF(0, 0, 10, 10), QPointF()
    size, color, data, model = QSizeF(), QColor(), QByteArray(), QStandardItemModel()
    calls = [
        lambda i: obj.setObjectName("n"),
        lambda i: timer.stop(),
        lambda i: timer.setInterval(i % 100),
        lambda i: rect.setWidth(float(i)),
        lambda i: rect.moveTo(1.0, 2.0),
        lambda i: point.setX(1.0),
        lambda i: size.setHeight(3.0),
        lambda i: color.setRgb(1, 2, 3),
        lambda i: data.clear(),
        lambda i: model.setRowCount(0),
    ]
    for call in calls:  # warm up caches that may keep a reference or two
        call(0)
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        for call in calls:
            call(i)
    after = sys.getrefcount(None)
    print(json.dumps({{"before": before, "after": after, "version": PySide6.__version__}}))
""")


def test_void_qt_calls_keep_references_to_none():
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-2000:]  # a crash (none_dealloc) fails here
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # 200,000 void calls: the bug would lose 200,000 references. Allow a little noise.
    assert result["after"] >= result["before"] - 5, result


def test_installed_pyside6_is_not_the_broken_release():
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 leaks references to None on Python 3.11"


def test_pyproject_excludes_the_broken_release():
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("PySide6")]
    py311 = [d for d in pins if "python_version < '3.12'" in d]
    assert py311 and "!=6.12.0" in py311[0].replace(" ", "")
