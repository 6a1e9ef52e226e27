"""diff_roadmaps: what a restore would change, in lines a person can read."""

from __future__ import annotations

from roadmap_app.model import Edge, Node, Resource, Roadmap, Status
from roadmap_app.model.diff import diff_roadmaps


def _base() -> Roadmap:
    return Roadmap(
        id="plan", title="Plan",
        nodes=[
            Node(id="py", title="Python", resources=[Resource(id="r1", title="Python book")]),
            Node(id="ml", title="Machine learning"),
            Node(id="math", title="Linear algebra"),
        ],
        edges=[Edge(source="py", target="ml"), Edge(source="math", target="ml")],
    )


def test_identical_roadmaps_have_no_differences():
    diff = diff_roadmaps(_base(), _base())
    assert diff.empty and diff.count == 0 and diff.lines() == []


def test_every_kind_of_change_is_found_and_named_by_title():
    old = _base()
    new = old.model_copy(deep=True)
    new.title = "My plan"
    py, ml = new.node("py"), new.node("ml")
    py.status = Status.DONE
    py.notes = "finished chapter 3"
    py.resources = [Resource(id="r2", title="Python course")]
    ml.title = "Machine learning basics"
    new.nodes = [n for n in new.nodes if n.id != "math"] + [Node(id="stats", title="Statistics")]
    new.edges = [Edge(source="py", target="ml"), Edge(source="stats", target="ml")]

    diff = diff_roadmaps(old, new)
    assert diff.nodes_added == ["stats"] and diff.nodes_removed == ["math"]
    changes = [(c.node_id, c.old, c.new) for c in diff.status_changes]
    assert changes == [("py", Status.NOT_STARTED, Status.DONE)]
    assert [(c.old, c.new) for c in diff.title_changes] == [("Machine learning", "Machine learning basics")]
    assert diff.notes_changed == ["py"]
    assert diff.resources_added == {"py": ["Python course"]}
    assert diff.resources_removed == {"py": ["Python book"]}
    assert diff.edges_added == [("stats", "ml")] and diff.edges_removed == [("math", "ml")]
    assert diff.roadmap_title == ("Plan", "My plan")
    assert diff.count == 10

    text = "\n".join(diff.lines())
    assert "Status of “Python”: Not started → Done" in text
    assert "Notes changed: “Python”" in text
    assert "Node added: “Statistics”" in text
    assert "Node removed: “Linear algebra”" in text  # a removed node keeps its old title
    assert "Connection removed: “Linear algebra” → “Machine learning basics”" in text
    assert "Resource added to “Python”: “Python course”" in text
    assert "Resource removed from “Python”: “Python book”" in text
    assert "py" not in text.replace("Python", "")  # titles, not ids


def test_nodes_sharing_a_title_are_told_apart_by_id():
    old = Roadmap(id="p", title="P", nodes=[Node(id="a", title="Intro"), Node(id="b", title="Intro")])
    new = old.model_copy(deep=True)
    new.node("b").status = Status.IN_PROGRESS
    assert diff_roadmaps(old, new).lines() == ["Status of “Intro” (b): Not started → In progress"]


def test_lines_are_limited_and_say_how_many_more():
    old = Roadmap(id="p", title="P")
    new = Roadmap(id="p", title="P", nodes=[Node(id=f"n{i}", title=f"Node {i}") for i in range(100)])
    lines = diff_roadmaps(old, new).lines(limit=10)
    assert len(lines) == 10
    assert lines[-1] == "… and 91 more changes"
    assert len(diff_roadmaps(old, new).lines(limit=None)) == 100


def test_long_titles_are_cut_to_keep_lines_short():
    old = Roadmap(id="p", title="P", nodes=[Node(id="a", title="x")])
    new = old.model_copy(deep=True)
    new.node("a").title = "long " + "y" * 150
    [line] = diff_roadmaps(old, new).lines()
    assert len(line) < 160 and line.endswith("…”")
