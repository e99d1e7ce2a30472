"""Typed stubs of the extension module (python/src/lib.rs); the package ``claimtrace``
re-exports everything here."""

from os import PathLike
from typing import Any, Optional, Sequence, Union

__version__: str
SCHEMA_NAME: str
SCHEMA_VERSION: int

_Path = Union[str, PathLike[str]]
Node = dict[str, Any]
Edge = dict[str, Any]

class InputError(ValueError):
    """An input that cannot be read: its file, the line or byte where it goes wrong, and what
    is wrong."""

class Item:
    """A news item as claimtrace read it: its text, where it came from, and what its input says
    of it. Pickles (through ``to_json``), so it can travel to Spark executors."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def record_id(self) -> Optional[str]: ...
    @property
    def outlet(self) -> Optional[str]: ...
    @property
    def published(self) -> Optional[str]:
        """YYYY-MM-DD."""
    @property
    def language(self) -> Optional[str]:
        """ISO 639-1."""
    @property
    def warnings(self) -> list[str]: ...
    @property
    def origin(self) -> dict[str, Any]:
        """``file``, ``start``, ``end`` (bytes) and ``spans`` ("file" or "text")."""
    def to_dict(self) -> dict[str, Any]:
        """Everything the item holds (its metadata under ``meta``)."""
    def to_json(self) -> str: ...
    @classmethod
    def from_json(cls, json: str) -> "Item": ...

class Graph:
    """The provenance graph: items, outlets, speakers, claims and dates, and the edges between
    them."""

    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    def nodes(self) -> list[Node]:
        """Every node as a dict of the graph contract (schemas/graph.schema.json), by id."""
    def edges(self) -> list[Edge]:
        """Every edge as a dict of the graph contract, by id."""
    def node(self, id: str) -> Optional[Node]: ...
    def export(self, format: str = "json") -> str:
        """The graph in ``format`` (any of ``formats()``), as ``claimtrace graph --format``
        writes it."""
    def write_parts(self, dir: _Path, partitions: int = 1) -> None:
        """The graph as partitioned node and edge files in ``dir`` (must not exist or be
        empty)."""
    def find_item(self, key: str) -> str:
        """The id of the item ``key`` names (id, URL, record id, title, file, part of a title);
        LookupError when none or several match."""
    def repost_dag(self, key: str) -> dict[str, Any]: ...
    def report_item(self, key: str) -> dict[str, Any]: ...
    def report_items(self) -> list[dict[str, Any]]: ...
    def to_networkx(self) -> Any:
        """A ``networkx.MultiDiGraph`` (see ``claimtrace.networkx``)."""

def read_inputs(
    paths: Sequence[_Path], *, skip_bad: bool = False, outlet: Optional[str] = None
) -> list[Item]: ...
def items_from_records(
    records: str, name: str = "records.jsonl", *, outlet: Optional[str] = None
) -> list[Item]: ...
def item_from_record(record: str, name: str, *, outlet: Optional[str] = None) -> Item: ...
def graph_of_items(items: Sequence[Item], *, with_text: bool = False) -> Graph: ...
def run(
    paths: Sequence[_Path],
    *,
    skip_bad: bool = False,
    outlet: Optional[str] = None,
    with_text: bool = False,
) -> Graph: ...
def read_parts(dir: _Path) -> Graph: ...
def extract_claims(item: Item) -> list[dict[str, Any]]: ...
def item_features(item: Item) -> list[int]: ...
def candidate_pairs(items: Sequence[Item]) -> tuple[list[tuple[int, int]], list[int]]: ...
def verify_pair(a: Item, b: Item, common: Sequence[int] = ...) -> Optional[dict[str, Any]]: ...
def formats() -> list[str]: ...
def format_needs_text(format: str) -> bool: ...

# The run a step at a time, for a job that spreads it over machines (claimtrace.spark). Values
# cross between machines as the library's JSON.

MIN_SHARED: int
"""Features a candidate pair shares at least."""
REWRITE_MIN_ITEMS: int
"""Items a run needs for rewritten stories to be looked for (which words are rare is learnt
from the run: a handful of items cannot tell)."""

def list_inputs(paths: Sequence[_Path]) -> list[str]:
    """The inputs of a run as the walk of ``paths`` lists them, in reading order, each as JSON."""
def read_listed(listed: str, *, outlet: Optional[str] = None) -> str:
    """Reads one entry of ``list_inputs``: what it gave, as JSON, for ``gather_reads``."""
def gather_reads(reads: Sequence[str], *, skip_bad: bool = False) -> list[Item]:
    """The run's items from the reads of its listed inputs, in listing order."""
def prepare_items(items: Sequence[Item]) -> list[Item]:
    """One item per text read twice under one key, in the canonical order: index items here."""
def read_outline(read: str) -> str:
    """What gathering decides one read (``read_listed``'s JSON) by, as JSON: its name and text
    size, or why it gives no items. For ``admit_reads``."""
def admit_reads(outlines: Sequence[str], *, skip_bad: bool = False) -> list[bool]:
    """Which reads give their items to the run, from their outlines in listing order, by
    ``gather_reads``' rule (a bad input skipped with a warning, or InputError)."""
def items_of_read(read: str) -> list[Item]:
    """The items of one read (``read_listed``'s JSON), in input order."""
def item_key(item: Item) -> str:
    """The key that tells captures of one item from other items: ``distinct_items`` takes the
    items of one key at a time."""
def distinct_items(items: Sequence[Item]) -> list[Item]:
    """The items of one ``item_key``, in reading order, without second and later captures of
    one text (the first stands for them, with a warning)."""
def order_key(item: Item) -> tuple[list[tuple[int, str]], int, int, str, int]:
    """Where an item stands in ``prepare_items``' canonical order, as values that compare as
    that order does."""
def claims_json(item: Item) -> str:
    """``extract_claims`` of the item, as JSON for ``graph_of_analysed``."""
def feature_pairs(
    docs: Sequence[tuple[int, Optional[str]]], run_items: int
) -> tuple[bool, list[tuple[int, int]]]:
    """One feature's posting list ((index, outlet), ascending): whether it is common, and the
    pairs it proposes."""
def verify_candidate(
    a: Item, b: Item, at: tuple[int, int], common: Sequence[int]
) -> Optional[str]:
    """A candidate pair at indices ``at`` verified, leaving out the two items' common features:
    the verified pair as JSON, or None."""
def name_forms(claims: str) -> list[tuple[str, str]]:
    """The speakers' name forms of one item's claims (``claims_json``): ``(key, form as JSON)``
    each, the key (the surname, lowercased) being what ``speakers_of_forms`` groups them by."""
def speakers_of_forms(forms: Sequence[str]) -> list[str]:
    """The speaker each form stands for (as JSON), decided from ``name_forms``' forms: every
    form of a key must be given (from every item), and keys can be decided apart."""
def graph_of_analysed(
    items: Sequence[Item],
    claims: Sequence[str],
    verified: Sequence[str],
    *,
    speakers: Optional[Sequence[str]] = None,
    with_text: bool = False,
) -> Graph:
    """The graph of prepared items from their claims and verified pairs: ``graph_of_items``'s.
    ``speakers`` (``speakers_of_forms`` of every item's forms, in any order) are the speakers
    decided elsewhere; without them they are decided here, over ``claims``."""
def rewrite_links(
    items: Sequence[Item], verified: Sequence[tuple[int, int]]
) -> list[tuple[tuple[int, int], str]]:
    """The rewrite links among prepared items (which words are rare is learnt from all of
    them), leaving out the ``verified`` pairs: ``((a, b), link as JSON)`` each."""
def rewrite_keys(item: Item) -> tuple[Optional[int], list[int]]:
    """What the rewrite step reads of one item: its day of publication (days from the common
    era, or None) and its word keys, whose items a job counts over the run."""
def rewrite_lookup(
    day: Optional[int], keys: Sequence[tuple[int, int]], run_items: int
) -> tuple[Optional[int], list[tuple[int, int]], int]:
    """An item's rare words given its keys' counts over a run of ``run_items`` (``(key,
    count)``; keys of one item may be left out): ``(day, posted, lookup)``, the keys others find
    it by with their counts, rarest first, of which the first ``lookup`` are those it looks
    others up by."""
def rewrite_candidates(
    a: int,
    day: Optional[int],
    lookups: Sequence[tuple[int, Sequence[tuple[int, Optional[int]]]]],
    run_items: int,
) -> list[tuple[int, int]]:
    """The rewrite candidates item ``a`` proposes: ``lookups`` its lookup keys in
    ``rewrite_lookup``'s order, each as ``(count, posting)``, the posting the ``(index, day)``
    of the items that post the key, ascending. Pairs ``(min, max)``."""
def rewrite_pair(
    a: Item, b: Item, at: tuple[int, int], df: Sequence[tuple[int, int]], run_items: int
) -> Optional[str]:
    """One rewrite candidate at indices ``at`` (``at[0] < at[1]``) of a run of ``run_items``,
    aligned and graded given the counts of the two items' keys: the link as JSON (as
    ``rewrite_links`` gives it), or None."""
def link_groups(pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The group of each pair of linked items (the smallest item of its connected component):
    the links ``nearest_sources`` needs together."""
def nearest_sources(verified: Sequence[str], rewrites: Sequence[str]) -> list[str]:
    """The links kept (as JSON) of the verified pairs and rewrite links (their JSON) of whole
    groups (``link_groups``), each in any order: of every triangle, the links a copy was made
    from."""
def graph_of_linked(
    items: Sequence[Item],
    claims: Sequence[str],
    links: Sequence[str],
    speakers: Sequence[str],
    *,
    with_text: bool = False,
) -> Graph:
    """The graph of prepared items from their claims, the links ``nearest_sources`` kept (of
    every group, any order) and the speakers decided (``speakers_of_forms``, of every key):
    ``graph_of_items``'s."""

# The graph an item at a time, merged by id (a job that never holds the run).
def quote_wordings(index: int, item: Item, claims: str) -> list[tuple[str, str]]:
    """The wordings of one item's quotations (``claims_json``), the run's ``index``th: ``(key,
    wording as JSON)`` each, to be merged by key (``merge_wordings``)."""
def merge_wordings(a: str, b: str) -> str:
    """Two wordings of one key as one, in either order."""
def quote_variants(wordings: Sequence[str]) -> list[tuple[str, str]]:
    """The variants among the run's distinct wordings (each key's merged, any order): ``(key,
    variant as JSON)`` of each changed wording."""
def key_facts(index: int, item: Item) -> tuple[str, str]:
    """What the keying of item nodes reads of one item, the run's ``index``th: ``(key, facts
    as JSON)``, to be grouped by key (``item_keys``)."""
def item_keys(facts: Sequence[str]) -> list[tuple[int, str, str]]:
    """How the build keys the items of one key (their ``key_facts``, any order): ``(index,
    node key, keying as JSON)`` each."""
def link_part(
    link: str, copy: Item, copy_key: str, source: Item, source_key: str
) -> tuple[Optional[tuple[str, str]], Optional[str]]:
    """A link's part (``nearest_sources``' JSON), given its copy and source with their node
    keys: ``(edge id, edge part as JSON)`` or None, and the copy's date warning or None."""
class PartMaker:
    """Makes each item's parts given the run's speakers (``speakers_of_forms``' JSON, every
    key's) and quotation variants (``quote_variants``); made once per partition."""
    def __init__(
        self,
        speakers: Sequence[str],
        variants: Sequence[tuple[str, str]],
        *,
        with_text: bool = False,
    ) -> None: ...
    def item_parts(
        self, item: Item, claims: str, keyed: str, warnings: Sequence[str]
    ) -> tuple[list[tuple[str, str]], list[tuple[str, Optional[str], str]]]:
        """One item's parts, given its claims (``claims_json``), keying (``item_keys``) and
        the date warnings of the links it copies by: nodes ``(id, part)``, edges ``(id, node
        it needs or None, part)``."""
def merge_node_parts(a: str, b: str) -> str:
    """Two parts of one node as one, in either order."""
def merge_edge_parts(a: str, b: str) -> str:
    """Two parts of one edge as one, in either order."""
def finish_node_part(part: str) -> str:
    """A node's every part merged, finished: its line in a parts file."""
def finish_edge_part(part: str) -> str:
    """An edge's every part merged, finished: its line in a parts file."""
def parts_manifest() -> str:
    """The text of a parts directory's ``parts.json``."""
