"""The capped JSON reader shared by every importer."""

from __future__ import annotations

import json
import threading

import pytest

from roadmap_app.storage import FileFormatError, safejson


def test_depth_counts_structure_not_brackets_in_text():
    deep_text = b'{"notes": "' + b"[{" * 500 + b'"}'
    assert safejson.loads(deep_text) == {"notes": "[{" * 500}
    assert safejson.loads(b"[" * 48 + b"]" * 48)
    with pytest.raises(FileFormatError, match="deeper than 48"):
        safejson.loads(b"[" * 49 + b"]" * 49)
    with pytest.raises(FileFormatError, match="deeper than 4"):
        safejson.loads(b'{"a": [{"b": [[1]]}]}', max_depth=4)
    assert safejson.brackets_nest_deeper(b"[" * 100 + b"]" * 100, 48)
    assert not safejson.brackets_nest_deeper(b"[]" * 1000, 48)


def test_deep_input_is_refused_before_parsing_even_on_a_small_thread_stack():
    """A worker thread may have a small stack; a deep file must not reach the recursive parser."""
    results = []

    def work():
        try:
            safejson.loads(b"[" * 200_000 + b"]" * 200_000)
        except FileFormatError as exc:
            results.append(str(exc))
        try:
            safejson.loads(b"[" * 200_000)  # never closed: the parser would still descend
        except FileFormatError as exc:
            results.append(str(exc))

    old = threading.stack_size(256 * 1024)
    try:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old)
    assert results == ["nesting is deeper than 48 levels"] * 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[NaN]", "NaN is not allowed"),
        (b"[1e999]", "out of range"),
        (b"[-1e999]", "out of range"),
        (b"[" + b"1" * 41 + b"]", "has 41 digits"),
        (b'["\\ud800"]', "0: text contains a lone surrogate"),
        (b'{"a": {"\\udfff": 1}}', "a: a key contains a lone surrogate"),
        (b"PK\x03\x04rest", "zip archive"),
        (b"", "file is empty"),
    ],
)
def test_refusals(data, message):
    with pytest.raises(FileFormatError, match=message):
        safejson.loads(data)


def test_duplicate_keys_only_when_asked():
    assert safejson.loads(b'{"a": 1, "a": 2}') == {"a": 2}
    with pytest.raises(FileFormatError, match='key "a" appears twice'):
        safejson.loads(b'{"a": 1, "a": 2}', reject_duplicate_keys=True)


def test_paired_surrogates_and_bom_are_fine():
    assert safejson.loads(b'\xef\xbb\xbf["\\ud83d\\ude00"]') == ["\U0001F600"]


def test_dumps_is_deterministic():
    expected = '{\n  "a": [\n    1.5,\n    "é"\n  ],\n  "b": 1\n}\n'.encode()
    assert safejson.dumps({"b": 1, "a": [1.5, "é"]}) == expected


def test_number_looking_text_is_fine_and_value_count_is_capped():
    assert safejson.loads(b'{"a": "1e400", "b": "' + b"9" * 100 + b'"}') == {"a": "1e400", "b": "9" * 100}
    assert safejson.loads(b"[1e300, -1e-400, 123456789012345678901234567890]") == [
        1e300, -0.0, 123456789012345678901234567890]
    with pytest.raises(FileFormatError, match="too many values"):
        safejson.loads(b"[" + b"0," * (safejson.MAX_VALUES + 1) + b"0]")


def test_objects_and_lists_are_counted_before_parsing():
    few_commas = b"[" + b",".join([b"[" * 40 + b"]" * 40] * (safejson.MAX_CONTAINERS // 40 + 1)) + b"]"
    assert few_commas.count(b",") < safejson.MAX_VALUES
    with pytest.raises(FileFormatError, match="too many objects and lists"):
        safejson.loads(few_commas)
    with pytest.raises(FileFormatError, match="too many objects and lists"):
        safejson.loads(b'{"a": [' + b"{}," * safejson.MAX_CONTAINERS + b"{}]}")


def test_brackets_and_commas_inside_text_are_not_counted():
    text = "[{," * (safejson.MAX_CONTAINERS // 2 + 1)
    value = safejson.loads(json.dumps({"description": text, "more": [text] * 3}).encode())
    assert value["more"][2] == text
