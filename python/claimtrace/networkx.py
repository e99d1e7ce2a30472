"""The claimtrace graph as a networkx graph. networkx is imported when a graph is converted, so
the package needs it only for this (``pip install "claimtrace[networkx]"``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx

    from ._native import Graph


def to_networkx(graph: "Graph") -> "networkx.MultiDiGraph":
    """A ``networkx.MultiDiGraph`` of ``graph``: a node per node, keyed by its id, with every
    field of the graph contract as attributes (``kind``, ``label``, ...); an edge per edge,
    from source to target, keyed by its id, with ``kind`` and its other fields as attributes
    (two nodes can be joined by edges of several kinds, hence a multigraph). The graph's own
    attributes are the contract's ``schema`` and ``version``. Nodes and edges are added in id
    order, as every export writes them."""
    import networkx as nx

    from . import SCHEMA_NAME, SCHEMA_VERSION

    g = nx.MultiDiGraph(schema=SCHEMA_NAME, version=SCHEMA_VERSION)
    for node in graph.nodes():
        attrs: dict[str, Any] = dict(node)
        g.add_node(attrs.pop("id"), **attrs)
    for edge in graph.edges():
        attrs = dict(edge)
        key = attrs.pop("id")
        g.add_edge(attrs.pop("source"), attrs.pop("target"), key=key, **attrs)
    return g
