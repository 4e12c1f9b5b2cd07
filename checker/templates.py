"""Template generations (2021, 2019 trial, pre-2019) loaded from rules/templates/*.yaml."""

from __future__ import annotations

from functools import lru_cache

from .model.record import Record
from .resources import rules_root
from .yamlio import load_yaml


class TemplateSection(Record):
    __slots__ = ("number", "title", "kind", "index", "table", "required", "variants", "keywords")

    def __init__(self, number: str, title: str, kind: str, index: int, table: str | None = None,
                 required: bool = True, variants: tuple[str, ...] = (),
                 keywords: tuple[tuple[str, ...], ...] = ()) -> None:
        self.number, self.title, self.kind, self.index, self.table = number, title, kind, index, table
        self.required, self.variants, self.keywords = required, variants, keywords


class Template(Record):
    __slots__ = ("id", "name", "basis", "year_from", "year_to", "order", "title_check", "sections",
                 "table_labels")

    def __init__(self, id: str, name: str, basis: str, year_from: int | None, year_to: int | None, order: str,
                 title_check: bool, sections: tuple[TemplateSection, ...], table_labels: tuple[str, ...] = ()) -> None:
        self.id, self.name, self.basis = id, name, basis
        self.year_from, self.year_to = year_from, year_to
        self.order, self.title_check, self.sections, self.table_labels = order, title_check, sections, table_labels

    def covers(self, year: int) -> bool:
        return (self.year_from is None or year >= self.year_from) and (self.year_to is None or year <= self.year_to)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.basis}）"


def _build(data: dict) -> Template:
    sections = tuple(
        TemplateSection(
            number=s["number"], title=s["title"], kind=s["kind"], index=i, table=s.get("table"),
            required=s.get("required", True), variants=tuple(s.get("variants", ())),
            keywords=tuple(tuple(group) for group in s.get("keywords", ())),
        )
        for i, s in enumerate(data["sections"])
    )
    years = data.get("years", {})
    return Template(
        id=data["id"], name=data["name"], basis=data["basis"], year_from=years.get("from"),
        year_to=years.get("to"), order=data["order"], title_check=data["title_check"],
        sections=sections, table_labels=tuple(data.get("table_labels", ())),
    )


@lru_cache(maxsize=1)
def templates() -> dict[str, Template]:
    out = {}
    for path in sorted((rules_root() / "templates").glob("*.yaml")):
        t = _build(load_yaml(path))
        out[t.id] = t
    return out


ALIASES = {"2021": "gov-2021", "2019": "gov-2019", "pre2019": "pre-2019", "2018": "pre-2019"}


def get_template(name: str) -> Template:
    key = ALIASES.get(name, name)
    all_templates = templates()
    if key not in all_templates:
        raise KeyError(f"未知模板“{name}”，可选：{', '.join(sorted(all_templates))}（或 2021 / 2019 / pre2019）")
    return all_templates[key]


def template_for_year(year: int) -> Template:
    for t in templates().values():
        if t.covers(year):
            return t
    return get_template("gov-2021")
