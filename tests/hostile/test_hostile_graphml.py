"""Hostile and odd GraphML, generated at test time, through the CLI in a limited subprocess.

Each case is either refused with one clear line naming the file (exit 1) or accepted
with its warnings (exit 0). All cases run in one child process with an address-space
limit of 1.5 GB; inside it each case has a hard 5 s alarm, and the whole child a
timeout, so a regression fails instead of hanging or swapping the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

NS = 'xmlns="http://graphml.graphdrawing.org/xmlns"'
LABEL_KEY = '<key id="l" for="node" attr.name="label" attr.type="string"/>'
CASE_SECONDS = 5
MEMORY_BYTES = 1536 * 1024 * 1024


def doc(body: str, keys: str = LABEL_KEY, head: str = "", ns: str = NS) -> bytes:
    return f"{head}<graphml {ns}>{keys}<graph edgedefault=\"directed\">{body}</graph></graphml>".encode()


def nested(depth: int) -> bytes:
    body = '<node id="leaf"><data key="l">Leaf</data></node>'
    for level in range(depth):
        body = f'<node id="g{level}"><graph>{body}</graph></node>'
    return doc(body)


# name -> (bytes, expected exit, text in the one error line or in a warning line)
CASES: dict[str, tuple[bytes, int, str]] = {
    "no-namespace": (doc('<node id="a"><data key="l">A</data></node>', ns=""), 0, "wrote 1 nodes"),
    "other-namespace": (b'<graphml xmlns="urn:x"><graph/></graphml>', 1, "the root element is"),
    "nested-graphs": (nested(5), 0, "5 groups became stages"),
    "nested-too-deep": (nested(40), 1, "XML nesting is deeper than 64 levels"),
    "defaults-honoured": (doc('<node id="a"/>', LABEL_KEY.replace("/>", "><default>From default"
                                                                  "</default></key>")), 0, "wrote 1"),
    "latin1-declared-utf8-bytes": (
        doc('<node id="a"><data key="l">Café</data></node>',
            head='<?xml version="1.0" encoding="ISO-8859-1"?>'), 1,
        "declares the encoding ISO-8859-1, but its text is UTF-8"),
    "latin1-declared-latin1-bytes": (
        doc('<node id="a"><data key="l">Caf\xe9</data></node>',
            head='<?xml version="1.0" encoding="ISO-8859-1"?>').decode().encode("latin-1"), 0, "wrote 1"),
    "unknown-encoding": (doc("", head='<?xml version="1.0" encoding="x-klingon"?>'), 1,
                         "unknown encoding 'x-klingon'"),
    "utf8-declared-latin1-bytes": (doc('<node id="a"><data key="l">Caf\xe9</data></node>')
                                   .decode().encode("latin-1"), 1, "not UTF-8 text (byte"),
    "doctype-in-comment": (doc('<node id="a"><data key="l">x</data></node>',
                               head="<!-- <!DOCTYPE x> --><?pi <!DOCTYPE?>"), 0, "wrote 1"),
    "doctype-in-cdata": (doc('<node id="a"><data key="l"><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]>'
                             "</data></node>"), 0, "wrote 1"),
    "doctype-after-comment": (b"<!-- c --><!DOCTYPE g [<!ENTITY a 'aaaa'>]><graphml/>", 1,
                              "DOCTYPE and ENTITY declarations are not allowed"),
    "doctype-lowercase": (b'<!doctype g [<!entity x SYSTEM "file:///etc/passwd">]><graphml/>', 1,
                          "DOCTYPE and ENTITY declarations are not allowed"),
    "bad-boolean-names-key-and-line": (
        doc('\n<node id="a">\n<data key="o">maybe</data></node>',
            '<key id="o" for="node" attr.name="optional" attr.type="boolean"/>'), 1,
        "line 3: key o (optional) is a boolean, but the value is 'maybe'"),
    "bad-default-names-key": (doc("", '<key id="h" for="node" attr.type="int"><default>many</default>'
                                      "</key>"), 1, "key h is an int, but the value is 'many'"),
    "huge-long": (doc('<node id="a"><data key="n">' + "9" * 5000 + "</data></node>",
                      '<key id="n" for="node" attr.name="n" attr.type="long"/>'), 1, "more than 40 digits"),
    "overflowing-double": (doc('<node id="a"><data key="h">1e999</data></node>',
                               '<key id="h" for="node" attr.name="estimated_hours" attr.type="double"/>'),
                           1, "numbers must be finite"),
    "graph-tool-vector-type": (doc('<node id="a"><data key="p">1, 2</data></node>',
                                   '<key id="p" for="node" attr.name="pos" attr.type="vector_float"/>'),
                               0, "type 'vector_float'"),
    "undeclared-key": (doc('<node id="a"><data key="zz">1</data></node>'), 1, "there is no key zz"),
    "too-many-attributes": (doc("<node " + " ".join(f'a{i}="1"' for i in range(100)) + ' id="x"/>'),
                            1, "more than 64 attributes"),
    "too-many-nodes": (doc("".join(f'<node id="n{i}"/>' for i in range(20_001))), 1,
                       "too many nodes (20001"),
    "too-many-edges": (doc("".join(f'<node id="n{i}"/>' for i in range(500))
                           + "".join(f'<edge source="n{a}" target="n{b}"/>' for a, b in
                                     [(a, b) for a in range(500) for b in range(a + 1, 500)][:100_001])),
                       1, "would have 100,001 edges (the limit is 100,000)"),
    "million-elements": (doc('<node id="a"><data key="y">' + '<y:a xmlns:y="urn:y"/>' * 1_000_001
                             + "</data></node>", '<key id="y" for="node" yfiles.type="nodegraphics"/>'),
                         1, "more than 1000000 XML elements"),
    "hyperedge-and-group-edge": (
        doc('<node id="a"/><node id="g" yfiles.foldertype="group"/><edge source="a" target="g"/>'
            '<hyperedge><endpoint node="a"/></hyperedge>'), 0, "dropped 1 hyperedges"),
    "proxy-active-out-of-range": (
        doc('<node id="g" yfiles.foldertype="group"><data key="y"><y:ProxyAutoBoundsNode '
            'xmlns:y="http://www.yworks.com/xml/graphml"><y:Realizers active="99999999999999999999">'
            "<y:GroupNode><y:NodeLabel>Stage</y:NodeLabel></y:GroupNode></y:Realizers>"
            '</y:ProxyAutoBoundsNode></data><graph><node id="m"/></graph></node>',
            '<key id="y" for="node" yfiles.type="nodegraphics"/>'), 0, "1 groups became stages"),
    "many-labels": (doc('<node id="a"><data key="y"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/'
                        'graphml">' + "<y:NodeLabel>label</y:NodeLabel>" * 50_000
                        + "</y:ShapeNode></data></node>",
                        '<key id="y" for="node" yfiles.type="nodegraphics"/>'), 0, "wrote 1 nodes"),
    "javascript-url": (doc('<node id="a"><data key="u">javascript:alert(1)</data></node>',
                           '<key id="u" for="node" attr.name="url" attr.type="string"/>'), 0,
                       "is not http(s); kept as text only"),
}

RUNNER = textwrap.dedent("""
    import contextlib, io, json, resource, signal, sys, time
    from roadmap_app.cli import main
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    def expired(*_):
        raise TimeoutError("hard limit")
    signal.signal(signal.SIGALRM, expired)
    results = {{}}
    folder = sys.argv[1]
    for name in json.loads(sys.argv[2]):
        out, err = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        signal.alarm({seconds})
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["convert", f"{{folder}}/{{name}}.graphml", "-o", f"{{folder}}/{{name}}.roadmap"])
        except BaseException as exc:
            code = repr(exc)
        finally:
            signal.alarm(0)
        results[name] = [code, out.getvalue(), err.getvalue(), time.perf_counter() - start]
    print(json.dumps(results))
""").format(memory=MEMORY_BYTES, seconds=CASE_SECONDS)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-graphml")
    for name, (data, _code, _text) in CASES.items():
        (folder / f"{name}.graphml").write_bytes(data)
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(folder), json.dumps(list(CASES))],
                          capture_output=True, text=True, timeout=CASE_SECONDS * len(CASES) + 60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return folder, json.loads(proc.stdout)


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_graphml_case(results, name):
    folder, table = results
    code, out, err, seconds = table[name]
    _data, expected, text = CASES[name]
    assert seconds < CASE_SECONDS, f"{name} took {seconds:.1f} s"
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == expected, (code, out, err)
    if expected == 1:
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"{folder / name}.graphml: ")
        assert text in lines[0], lines[0]
        assert not Path(folder / f"{name}.roadmap").exists()
    else:
        assert text in out + err, (out, err)
        assert Path(folder / f"{name}.roadmap").exists()
