"""Score govlint against labelled corpora of real reports.

Usage: python bench/accuracy.py CORPUS_DIR... [--verbose] [--json]

A CORPUS_DIR holds a ``labels.yaml`` in one of two schemas (see the README.md next to each):
  * complete reports (shared/corpus/full): ``narrative_claims``, ``relations``, ``contamination`` …
  * web excerpts (shared/corpus/excerpts): ``narrative_checks``, ``spam``, ``garbling``, ``boilerplate`` …

govlint runs in-process from the checkout this script lives in, so every worktree measures its own code.

Per family it prints: labelled defects found / total, ERROR findings on what the labels say is correct
(false errors), findings of that family on excerpts labelled clean, and the documents with false errors.

Matching is positional: a labelled string is found when a finding of the same family overlaps one of its
occurrences in the text govlint reports positions in (the rendered text for PDF/HTML/docx); the search is
exact first, then with whitespace removed on both sides. Labels without a position (a missing section, blank
cells, a failing table relation) are matched by the document (each absorbs at most one error finding, so a
cascade of errors for one defect still counts as false errors) or by the relation's row/column name in the
finding's message.

Typography (GL7xx) is scored on a sample of the excerpts labelled for it in bench/labels/typography-
excerpts.yaml (a pattern through a document is one document-level label, met by the rule's document
finding). Typography findings are warnings and notes, so they are never false *errors*; below the table
the sample's own line counts every typography finding there that matches no label (any severity) and
those that touch a string the labels say is correct.

What counts as a false error:
  * complete reports: every ERROR finding that matches no label (the labels list every known defect);
  * excerpts (truncated, labelled for contamination and prose arithmetic): ERROR findings of the
    contamination families and of prose arithmetic that match no label counted as a defect, table-relation
    errors (no excerpt has a failing table relation), and structure errors on a labelled, unproblematic
    title or heading. Missing sections/rows in an excerpt are not judged (every excerpt is truncated).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Rule code → family. Exact codes first, then the longest matching prefix; new rules from other helpers
# are added here (one line each).
CODE_FAMILY = {
    "GL201": "tables", "GL202": "tables", "GL203": "tables", "GL204": "tables", "GL205": "tables",
    "GL206": "tables", "GL207": "tables", "GL208": "tables",
    "GL211": "tables", "GL212": "tables", "GL213": "tables", "GL214": "tables",
    "GL221": "arithmetic", "GL222": "arithmetic", "GL223": "arithmetic", "GL224": "arithmetic",
    "GL401": "script", "GL406": "script",
    "GL402": "garbling:pinyin",
    "GL403": "garbling:mojibake", "GL404": "garbling:mojibake",
    "GL405": "garbling:lost-characters",
}
PREFIX_FAMILY = [
    ("GL1", "structure"), ("GL2", "tables"), ("GL3", "spam"), ("GL4", "garbling:other"),
    ("GL5", "boilerplate"), ("GL6", "extraction"), ("GL7", "typography"),
]
FAMILIES = ["structure", "tables", "arithmetic", "cross-report", "spam", "garbling:mojibake", "garbling:pinyin",
            "garbling:lost-characters", "garbling:replacement-char", "garbling:other", "boilerplate", "script",
            "typography"]
# What a document-level structure label (a missing, renamed or misnumbered section, a section without its
# table) can be matched by: the section rules and the missing-table rule, not content rules such as GL109.
SECTION_CODES = {"GL101", "GL102", "GL103", "GL104", "GL105", "GL106", "GL107", "GL108", "GL201"}
# Families whose ERROR findings on an excerpt are judged against its labels.
EXCERPT_JUDGED = {"spam", "boilerplate", "script", "arithmetic", "typography"}


def family_of(code: str) -> str:
    if code in CODE_FAMILY:
        return CODE_FAMILY[code]
    best = max((p for p, _ in PREFIX_FAMILY if code.startswith(p)), key=len, default=None)
    return dict(PREFIX_FAMILY)[best] if best else "other"


def same_family(a: str, b: str) -> bool:
    """Garbling kinds are one family for matching (a pinyin finding on a mis-kinded label is still found);
    table relations may be reported by either tables or arithmetic rules."""
    if a.startswith("garbling") and b.startswith("garbling"):
        return True
    return a == b or {a, b} == {"tables", "arithmetic"}


class Label:
    """One labelled thing: a defect (``counted``) or a tolerated doubtful point, of one family."""

    def __init__(self, family, desc, texts=(), names=(), counted=True, doc_level=False, codes=None,
                 absorb_all=False):
        self.family, self.desc, self.texts, self.names = family, desc, list(texts), list(names)
        self.counted, self.doc_level, self.codes, self.absorb_all = counted, doc_level, codes, absorb_all
        self.spans: list[tuple[int, int]] = []
        self.found = False
        self.absorbed = 0


class Doc:
    def __init__(self, corpus, path, kind, clean=False):
        self.corpus, self.path, self.kind, self.clean = corpus, path, kind, clean
        self.labels: list[Label] = []
        self.correct: list[tuple[str, str]] = []    # (family, text) the labels say is right (excerpts)
        self.title = None
        self.heading_issues: list[str] = []
        self.typography_sample = False      # labelled for typography (bench/labels/typography-excerpts.yaml)

    @property
    def name(self):
        return f"{Path(self.corpus).name}/{self.path.name}"


# ---------------------------------------------------------------- label readers

def _full_doc(corpus: Path, e: dict) -> Doc:
    doc = Doc(corpus, corpus / e["file"], "full")
    add = doc.labels.append
    for c in e.get("narrative_claims") or []:
        if c.get("holds") is False:
            definite = c.get("definite_inconsistency") is True
            add(Label("arithmetic", f"{c.get('claim', '')}: {c['quote']}", [c["quote"]], counted=definite))
    for group, rel in (e.get("relations") or {}).items():
        for r in _relation_items(rel):
            if r.get("holds") is False:
                name = r.get("row") or r.get("group") or r.get("column") or r["expr"].split("=")[0].strip()
                names = [name.split(".")[-1]]
                if "expr" in r and "=" in r["expr"] and group == "legacy_stat_table":
                    names = [r["expr"].split("=")[0].strip()]
                fam = "cross-report" if group == "cross_report" else "tables"
                add(Label(fam, f"{group} {names[0]}: {r.get('expr', '')} ({r.get('column', '')})", names=names,
                          texts=names if group == "legacy_stat_table" else ()))
    for c in e.get("contamination") or []:
        if c.get("text"):
            add(Label("boilerplate", f"{c['kind']}: {c['text']}", [c["text"]]))
    for f in e.get("other_findings") or []:
        label = _other_finding(f)
        if label:
            add(label)
    sections = e.get("sections") or {}
    for issue in list(sections.get("findings") or []) + list(sections.get("missing_or_merged") or []):
        tables = re.search(r"table|统计表|表[二三四]", issue)
        if not tables and not re.search(r"section|title|heading", issue):
            continue    # e.g. a missing date: not a family we score
        add(Label("tables" if tables else "structure", issue, doc_level=True,
                  codes=None if tables else SECTION_CODES))
    return doc


def _relation_items(rel):
    if isinstance(rel, list):
        return rel
    return [r for items in rel.values() for r in items]


def _other_finding(f: dict) -> Label | None:
    kind, text = f.get("kind", ""), f.get("text")
    if "typo" in kind and text:
        return Label("tables" if "template" in kind else "other", f"{kind}: {text}", [text])
    if "blank cell" in kind:
        return Label("tables", f"{kind}: {f.get('note', '')[:60]}", doc_level=True, codes={"GL204"})
    if "HTML entit" in kind and text:
        return Label("garbling:other", f"{kind}: {text}", [text])
    if "space" in kind and text:
        return Label("typography", f"{kind}: {text}", [text])
    if text:    # named in the labels but not a family we score: findings on it are not false
        return Label("any", f"{kind}: {text}", [text], counted=False)
    return None


def _excerpt_doc(corpus: Path, e: dict) -> Doc:
    doc = Doc(corpus, corpus / e["file"], "excerpt", clean=bool(e["summary"]["clean"]))
    add = doc.labels.append
    for s in e.get("spam") or []:
        add(Label("spam", s, [s]))
    for g in e.get("garbling") or []:
        add(Label(f"garbling:{g['garbling_kind']}", g["text"], [g["text"]]))
    for b in e.get("boilerplate") or []:
        add(Label("boilerplate", b, [b]))
    if e.get("traditional_script"):
        add(Label("script", "traditional script", doc_level=True, absorb_all=True, codes={"GL401"}))
    for t in e.get("taiwan_phrases") or []:
        add(Label("script", t, [t]))
    for c in e.get("narrative_checks") or []:
        if _counted_failure(c):
            add(Label("arithmetic", c["text"], [c["text"]]))
        else:
            doc.correct.append(("arithmetic", c["text"]))
    for c in e.get("table_checks") or []:
        doc.correct.append(("tables", c["text"]))
    for issue in e.get("heading_issues") or []:
        add(Label("structure", issue, doc_level=True, codes=SECTION_CODES))
    doc.heading_issues = list(e.get("heading_issues") or [])
    doc.title = e.get("title")
    for h in e.get("headings") or []:
        if not doc.heading_issues:
            doc.correct.append(("structure", h))
    return doc


def _counted_failure(c: dict) -> bool:
    """The README's rule for a counted narrative inconsistency."""
    if c.get("holds") or c.get("cut"):
        return False
    enum = c.get("enumeration", "exhaustive")
    return enum == "exhaustive" or (enum == "unclear" and c["computed_sum"] > c["stated_total"])


def load_corpus(corpus: Path) -> list[Doc]:
    import yaml

    entries = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    excerpts = any("narrative_checks" in e for e in entries)
    docs = [(_excerpt_doc if excerpts else _full_doc)(corpus, e) for e in entries]
    if excerpts:
        _add_typography(docs, TYPOGRAPHY_LABELS)
    return docs


TYPOGRAPHY_LABELS = ROOT / "bench" / "labels" / "typography-excerpts.yaml"
# label key → the rule that reports it
TYPOGRAPHY_CODES = {"halfwidth_punctuation": "GL701", "halfwidth_brackets": "GL702", "stray_spaces": "GL703",
                    "fullwidth": "GL704", "invisible": "GL705", "unmatched": "GL706",
                    "duplicated_punctuation": "GL707", "cjk_spacing": "GL708"}


def _add_typography(docs: list[Doc], path: Path) -> None:
    """The typography labels of the sampled excerpts (none when the file is absent)."""
    import yaml

    if not path.is_file():
        return
    by_file = {d.path.name: d for d in docs}
    for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        doc = by_file.get(Path(e["file"]).name)
        if doc is None:
            continue
        doc.typography_sample = True
        for key, code in TYPOGRAPHY_CODES.items():
            value = e.get(key)
            if value == "document":
                doc.labels.append(Label("typography", f"{code} document-wide", doc_level=True, absorb_all=True,
                                        codes={code}))
            for text in value if isinstance(value, list) else ():
                doc.labels.append(Label("typography", f"{code}: {text}", [text], codes={code}))
        for text in e.get("doubtful") or []:
            doc.labels.append(Label("typography", f"doubtful: {text}", [text], counted=False))
        doc.correct.extend(("typography", text) for text in e.get("correct") or [])


# ---------------------------------------------------------------- locating labelled text

def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its offset in ``text``."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in keep), keep


def locate(text: str, needle: str, squeezed=None) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)] if needle else []
    if spans:
        return spans
    flat, keep = squeezed or _squeeze(text)
    target = "".join(needle.split())
    if not target:
        return []
    out, i = [], flat.find(target)
    while i >= 0:
        out.append((keep[i], keep[i + len(target) - 1] + 1))
        i = flat.find(target, i + 1)
    return out


# ---------------------------------------------------------------- running govlint

def run_govlint(path: Path, rules):
    from checker.engine.runner import check_source
    from checker.read.formats import read_bytes

    result = check_source(read_bytes(path.read_bytes(), str(path)), rules)
    return result.source.text, result.diagnostics


class Finding:
    def __init__(self, d):
        self.code, self.message, self.severity = d.code, d.message, d.severity.label
        self.family = family_of(d.code)
        # A finding covers its own span, its related locations and the spans its fix rewrites (one finding
        # per line may name every occurrence on that line only through its fix).
        self.spans = [(d.start, max(d.end, d.start + 1))] + [(s, max(e, s + 1)) for s, e, *_ in d.related]
        # what the finding would change: its fix's edits, or its own span when it has no fix
        self.changes = [(d.start, max(d.end, d.start + 1))]
        if d.fix is not None:
            self.changes = [(e.start, max(e.end, e.start + 1)) for e in d.fix.edits]
            self.spans += self.changes
        self.label: Label | None = None


def _overlaps(a: list, b: list) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _matches(f: Finding, label: Label) -> bool:
    if label.codes:     # a label that names its codes is matched by those codes only, whatever their family
        if f.code not in label.codes:
            return False
    elif label.family != "any" and not same_family(f.family, label.family):
        return False
    if label.spans and _overlaps(f.spans, label.spans):
        return True
    if any(n and n in f.message for n in label.names):
        return True
    return label.doc_level


def score_doc(doc: Doc, rules) -> dict:
    from checker.read import InputError

    try:
        text, diags = run_govlint(doc.path, rules)
    except (InputError, OSError) as exc:     # an unreadable file finds nothing; say so, do not stop
        print(f"{doc.name}: 未能读取（{exc}）", file=sys.stderr)
        text, diags = "", []
    squeezed = _squeeze(text)
    for label in doc.labels:
        for t in label.texts:
            # Labels of HTML sources may quote the markup (&lt;); the reader's text has the character.
            label.spans.extend(locate(text, t, squeezed) or locate(text, html.unescape(t), squeezed))
    findings = [Finding(d) for d in diags]
    located = [lb for lb in doc.labels if not lb.doc_level]
    whole = [lb for lb in doc.labels if lb.doc_level]
    for f in findings:
        # One finding may cover several labelled strings (a line with many pinyin annotations).
        for label in located:
            if _matches(f, label):
                label.found = True
                f.label = f.label or label
        # A document finding (one GL401 for a whole traditional-script text, engine/aggregate.py) may
        # cover a located label on its way and still be the finding of the document-level label.
        # A finding already explained by a located label takes no single-use document label from the
        # finding that needs it (a GL221 on a quoted sentence is not the table's missing-rows finding).
        absorbed = _absorb(f, whole, unlimited_only=f.label is not None)
        f.label = f.label or absorbed
    false = [f for f in findings if f.severity == "error" and _is_false(doc, f, text, squeezed)]
    return {"doc": doc, "findings": findings, "false": false, "text": text}


def _absorb(f: Finding, whole: list[Label], unlimited_only: bool = False) -> Label | None:
    """A document-level label takes one error finding (or every finding if ``absorb_all``). A warning
    or info goes to a matching label not found yet first, so two warnings about two labelled defects
    count both."""
    if f.severity != "error":
        whole = sorted(whole, key=lambda label: label.found)
    for label in whole:
        if (unlimited_only and not label.absorb_all) or not _matches(f, label):
            continue
        if f.severity == "error" and not label.absorb_all:
            if label.absorbed:
                continue
            label.absorbed += 1
        label.found = True
        return label
    return None


def _is_false(doc: Doc, f: Finding, text: str, squeezed) -> bool:
    if f.label is not None and f.label.counted or (f.label is not None and doc.kind == "full"):
        return False
    if doc.kind == "full":
        return True
    fam = f.family
    if fam.startswith("garbling") or fam in EXCERPT_JUDGED:
        return f.label is None or not f.label.counted
    if fam == "tables":
        if f.code in ("GL211", "GL212", "GL213", "GL214"):
            return True
        return any(_overlaps(f.spans, locate(text, t, squeezed)) for fa, t in doc.correct if fa == "tables")
    if fam == "structure":
        if f.code == "GL101":
            return False    # a missing section: an excerpt is truncated, so this is not judged (see above)
        if f.code == "GL107":
            return _title_names_body(doc.title) and not any("title" in h for h in doc.heading_issues)
        return any(_overlaps(f.spans, locate(text, t, squeezed)) for fa, t in doc.correct if fa == "structure")
    return False


_TITLE_WORDS = re.compile(r"(?:19|20)\d{2}|年度?|的|政府|政务|信息|公开|公開|工作|报告|報告|年报|年報|\([a-zà-ǜ]+\)|[\W\d_]")


def _title_names_body(title: str | None) -> bool:
    """A labelled title that still has two characters once the year and the title words are gone names
    its issuing body; "2011年度信息公开报告" does not, so GL107 on it is no false error."""
    return bool(title) and len(_TITLE_WORDS.sub("", title)) >= 2


# ---------------------------------------------------------------- the table

def score(corpora: list[Path]) -> dict:
    from checker.engine.loader import builtin_rules

    rules = list(builtin_rules())
    results = [score_doc(doc, rules) for corpus in corpora for doc in load_corpus(corpus)]
    rows = {fam: _row() for fam in FAMILIES}
    extra: dict[str, dict] = {}
    missed, false_list = [], []
    for r in results:
        doc = r["doc"]
        for label in doc.labels:
            if label.counted and label.family in rows:
                rows[label.family]["total"] += 1
                rows[label.family]["found"] += label.found
                if not label.found:
                    missed.append((doc.name, label.family, label.desc, bool(label.spans or label.doc_level
                                                                           or label.names)))
        for f in r["findings"]:
            row = rows.get(f.family) or extra.setdefault(f.family, _row())
            if doc.clean:
                row["clean_findings"] += 1
        for f in r["false"]:
            row = rows.get(f.family) or extra[f.family]
            row["false_errors"] += 1
            row["false_in_full"] += doc.kind == "full"
            if doc.name not in row["false_docs"]:
                row["false_docs"].append(doc.name)
            false_list.append({"doc": doc.name, "code": f.code, "family": f.family, "message": f.message})
    rows.update(extra)
    return {"families": rows, "false_errors": false_list, "typography_sample": _typography_sample(results),
            "missed": [{"doc": d, "family": fa, "label": lb, "located": loc} for d, fa, lb, loc in missed],
            "documents": len(results)}


def _typography_sample(results: list[dict]) -> dict:
    """Typography on the labelled sample: every finding (any severity) that matches no label is unlabelled;
    one that would change a string labelled correct (its fix's edits, or its span without a fix) is also
    counted on its own."""
    out = {"documents": 0, "found": 0, "total": 0, "findings": 0, "unlabelled": 0, "on_correct": 0,
           "unlabelled_list": []}
    for r in results:
        doc = r["doc"]
        if not doc.typography_sample:
            continue
        out["documents"] += 1
        text, squeezed = r.get("text", ""), None
        for label in doc.labels:
            if label.family == "typography" and label.counted:
                out["total"] += 1
                out["found"] += label.found
        for f in r["findings"]:
            if f.family != "typography":
                continue
            out["findings"] += 1
            if f.label is None:
                out["unlabelled"] += 1
                out["unlabelled_list"].append(f"{doc.name}: {f.code} {f.message}")
            squeezed = squeezed or _squeeze(text)
            if any(_overlaps(f.changes, locate(text, t, squeezed)) for fa, t in doc.correct if fa == "typography"):
                out["on_correct"] += 1
                out["unlabelled_list"].append(f"{doc.name}: {f.code} on a correct string: {f.message}")
    return out


def _row() -> dict:
    return {"found": 0, "total": 0, "false_errors": 0, "false_in_full": 0, "clean_findings": 0, "false_docs": []}


def ratio(found: int, total: int) -> str:
    return f"{found}/{total} ({100 * found / total:.1f} %)" if total else "0/0"


def render(report: dict, verbose: bool) -> str:
    lines = [f"{'family':26} {'found / labelled':>20} {'false errors':>13} {'(in full)':>9} {'on clean':>9}"
             "  documents with false errors", "-" * 110]
    for fam, row in report["families"].items():
        docs = ", ".join(row["false_docs"][:6]) + (" …" if len(row["false_docs"]) > 6 else "")
        lines.append(f"{fam:26} {ratio(row['found'], row['total']):>20} {row['false_errors']:>13} "
                     f"{row['false_in_full']:>9} {row['clean_findings']:>9}  {docs}")
    lines.append(f"({report['documents']} documents)")
    t = report.get("typography_sample")
    if t and t["documents"]:
        lines.append(f"typography sample ({t['documents']} excerpts labelled for it): labelled found "
                     f"{ratio(t['found'], t['total'])}, findings {t['findings']}, unlabelled {t['unlabelled']}, "
                     f"on correct strings {t['on_correct']}")
        if verbose:
            lines += [f"  {x}" for x in t["unlabelled_list"]]
    if verbose:
        lines.append("\nfalse errors:")
        lines += [f"  {f['doc']}: {f['code']} {f['message']}" for f in report["false_errors"]]
        lines.append("\nlabelled defects not found:")
        lines += [f"  {m['doc']} [{m['family']}] {m['label'][:90]}" + ("" if m["located"] else "  (not located)")
                  for m in report["missed"]]
    return "\n".join(lines)


def default_corpus() -> Path:
    """GOVLINT_CORPUS, else ``shared/corpus`` beside the clone (CI) or beside the worktrees' folder."""
    env = os.environ.get("GOVLINT_CORPUS")
    if env:
        return Path(env)
    near = [base / "shared" / "corpus" for base in (ROOT.parent, ROOT.parent.parent)]
    return next((p for p in near if p.is_dir()), near[0])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, help="folders with a labels.yaml (default: the shared corpus)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false error and missed label")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)
    corpora = args.corpora or sorted(p.parent for p in default_corpus().glob("*/labels.yaml"))
    report = score(corpora)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(render(report, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
