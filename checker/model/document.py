"""The document every rule sees: original source, normalised text with its map, structure, metadata."""

from __future__ import annotations

from functools import cached_property

from ..normalise.mapped import MappedText
from ..normalise.pipeline import normalise
from ..parse.headings import find_headings
from ..parse.meta import ReportMeta, resolve_meta
from ..parse.structure import Structure, parse_structure
from .source import Source


class Document:
    """Not a record: its derived data are ``cached_property``s, which need an instance ``__dict__``.
    Nothing compares or hashes documents, so identity equality is all it has."""

    def __init__(self, source: Source, template_override: str | None = None, options: dict | None = None,
                 cache: dict | None = None) -> None:
        self.source = source
        self.template_override = template_override
        # Per-run settings from the CLI/config: "agency" (expected issuing body), "blank_cell_policy",
        # "lexicon_files", … Rules read them with .get and a default.
        self.options = {} if options is None else options
        # Derived data that rule kinds share (parsed tables, narrative numbers): computed once per document.
        self.cache = {} if cache is None else cache

    @cached_property
    def _normalised(self) -> tuple[MappedText, dict]:
        return normalise(self.source.text)

    @property
    def mapped(self) -> MappedText:
        return self._normalised[0]

    @property
    def ctx(self) -> dict:
        return self._normalised[1]

    @property
    def text(self) -> str:
        """The normalised text that parsing and most rules read."""
        return self.mapped.text

    @cached_property
    def meta(self) -> ReportMeta:
        cache: dict[str, Structure] = {}
        headings: dict[tuple[str, ...], list] = {}      # templates with the same table labels find the same

        def structure_for(t):
            if t.id not in cache:
                if t.table_labels not in headings:
                    headings[t.table_labels] = find_headings(self.text, t.table_labels)
                cache[t.id] = parse_structure(self.text, t, headings[t.table_labels])
            return cache[t.id]

        meta = resolve_meta(self.text, structure_for, self.template_override)
        self._structures = cache
        return meta

    @cached_property
    def structure(self) -> Structure:
        t = self.meta.template
        return self._structures.get(t.id) or parse_structure(self.text, t)

    @property
    def template(self):
        return self.meta.template

    @property
    def title(self):
        return self.meta.title

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the original file."""
        return self.mapped.span_to_original(start, end)
