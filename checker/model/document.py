"""The document every rule sees: original source, normalised text with its map, structure, metadata."""

from __future__ import annotations

from functools import cached_property

from ..normalise.mapped import MappedText
from ..normalise.pipeline import normalise
from ..parse.headings import find_headings, without_table_rows
from ..parse.inline_headings import inline_headings, merged
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
        self._structures: dict[str, Structure] = {}
        self._headings: list | None = None

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
        return resolve_meta(self.text, self.structure_for, self.template_override)

    def structure_for(self, template) -> Structure:
        """The text parsed against ``template``; headings are found once, each template only drops the
        table rows its labels name."""
        found = self._structures.get(template.id)
        if found is None:
            if self._headings is None:
                lines = find_headings(self.text)
                self._headings = merged(lines, inline_headings(self.text, lines))
            found = parse_structure(self.text, template, without_table_rows(self._headings, template.table_labels))
            self._structures[template.id] = found
        return found

    @cached_property
    def structure(self) -> Structure:
        return self.structure_for(self.meta.template)

    @property
    def template(self):
        return self.meta.template

    @property
    def title(self):
        return self.meta.title

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the original file."""
        return self.mapped.span_to_original(start, end)
