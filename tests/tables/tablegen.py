"""Random statistics tables that satisfy every relation (test helper)."""

from __future__ import annotations

import random

from checker.tables.model import TableDef

ORG = ("natural_person", "commercial", "research", "public_welfare", "legal_service", "other_org")


def valid_values(tdef: TableDef, rng: random.Random, high: int = 60) -> dict:
    if tdef.id == "t3":
        return _t3(tdef, rng, high)
    if tdef.id == "t4":
        out = {}
        for r in tdef.rows:
            parts = [rng.randint(0, high) for _ in range(4)]
            out.update({(r, c): v for c, v in zip(("upheld", "corrected", "other", "pending"), parts)})
            out[(r, "total")] = sum(parts)
        return out
    return {cell: (round(rng.uniform(0, high), 2) if tdef.columns[cell[1]].decimal else rng.randint(0, high))
            for cell in tdef.cells}


def _t3(tdef: TableDef, rng: random.Random, high: int) -> dict:
    results = [r for r in tdef.data_rows if r.startswith("r3_") and r != "r3_7"]
    out = {}
    for col in ORG:
        for r in results:
            out[(r, col)] = rng.choice((0, 0, rng.randint(0, high)))
        closed = sum(out[(r, col)] for r in results)
        out[("r3_7", col)] = closed
        out[("r4", col)] = rng.randint(0, high)
        out[("r2", col)] = rng.randint(0, closed + out[("r4", col)])
        out[("r1", col)] = closed + out[("r4", col)] - out[("r2", col)]
    for r in tdef.data_rows:
        out[(r, "total")] = sum(out[(r, c)] for c in ORG)
    return out
