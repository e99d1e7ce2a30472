"""claimtrace: where a news story came from.

claimtrace reads news items (JSON records, text dumps, web pages, feeds, web archives), finds
their claims, speakers, outlets and dates, links reposted and rewritten copies to their sources,
and builds a provenance graph. This package is the Rust library compiled for Python: the same
code as the ``claimtrace`` command line, the same answers.

The whole pipeline::

    graph = claimtrace.run(["corpus/"])                  # claimtrace graph corpus/
    graph = claimtrace.graph_of_items(claimtrace.read_records(rows))
    graph.nodes(), graph.edges()                         # dicts of the graph contract
    graph.to_networkx()                                  # networkx.MultiDiGraph
    graph.export("dot")                                  # any of claimtrace.formats()
    graph.repost_dag("https://gazette.example/bridge")   # where one item came from

Stage by stage, for a job that spreads items over machines: ``read_records`` /
``item_from_record`` (items), ``extract_claims`` (claims of an item), ``item_features`` (what
the reuse stage indexes an item by), ``candidate_pairs`` and ``verify_pair`` (a pair's shared
passages, linking rules and direction); ``Graph.write_parts`` / ``read_parts`` (the graph as
partitioned node and edge files, ``claimtrace graph --from-parts``).
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional, Union

from ._native import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    Graph,
    InputError,
    Item,
    __version__,
    candidate_pairs,
    extract_claims,
    format_needs_text,
    formats,
    graph_of_items,
    item_features,
    items_from_records,
    read_inputs,
    read_parts,
    run,
    verify_pair,
)
from ._native import item_from_record as _item_from_record

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "Graph",
    "InputError",
    "Item",
    "__version__",
    "candidate_pairs",
    "extract_claims",
    "format_needs_text",
    "formats",
    "graph_of_items",
    "item_features",
    "item_from_record",
    "items_from_records",
    "read_inputs",
    "read_parts",
    "read_records",
    "run",
    "verify_pair",
]

Record = Mapping[str, Any]


def read_records(
    records: Union[str, Iterable[Record]],
    name: str = "records.jsonl",
    *,
    outlet: Optional[str] = None,
) -> list[Item]:
    """The items of JSON records: a string of them (one record, an array, or one per line), or
    dicts, as ``schemas/record.schema.json`` describes them (``text`` required; ``id``,
    ``url``, ``outlet``, ``title``, ``author``, ``published``, ...; news-please's and passim's
    field names too).

    Dicts are read as the lines of one file ``name``: an item's ``origin`` is its line's byte
    range there, and an error names the line (the dict's position, from 1). ``outlet``
    overrides what the records say, as ``--outlet`` does.
    """
    if not isinstance(records, str):
        records = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return items_from_records(records, name, outlet=outlet)


def item_from_record(
    record: Union[str, Record], name: str, *, outlet: Optional[str] = None
) -> Item:
    """The item of one record (a dict, or a JSON object as a string). ``name`` stands for its
    file in the item's ``origin`` and in errors: give each record its own (a row number), since
    two records that only their text tells apart are one item under one name."""
    if not isinstance(record, str):
        record = json.dumps(record, ensure_ascii=False)
    return _item_from_record(record, name, outlet=outlet)
