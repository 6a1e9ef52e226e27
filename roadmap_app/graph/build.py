"""Build networkx graphs from the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EdgeKind, Roadmap

if TYPE_CHECKING:
    import networkx as nx


def to_digraph(roadmap: Roadmap, *, ordering_only: bool = False) -> nx.DiGraph:
    """A DiGraph with node ids as nodes; node attribute `node` is the model Node.

    Edge attribute `kind` holds the EdgeKind. With `ordering_only`, related edges
    are left out, which gives the graph whose order matters (prerequisites and
    progressions).
    """
    import networkx as nx  # lazily: it costs ~0.15 s to import, and startup needs no graph

    graph = nx.DiGraph()
    for node in roadmap.nodes:
        graph.add_node(node.id, node=node)
    for edge in roadmap.edges:
        if ordering_only and edge.kind is EdgeKind.RELATED:
            continue
        if edge.source in graph and edge.target in graph:
            graph.add_edge(edge.source, edge.target, kind=edge.kind)
    return graph
