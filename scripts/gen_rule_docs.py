"""Write docs/rules.md from the rule YAML (the same text as ``govlint rules --format markdown``).

Run after adding or editing a rule: python scripts/gen_rule_docs.py
tests/ecosystem/test_rules_docs.py fails while docs/rules.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.cli.rule_docs import markdown  # noqa: E402
from checker.engine.loader import builtin_rules  # noqa: E402

DOC = ROOT / "docs" / "rules.md"


def main() -> None:
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(markdown(builtin_rules()), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} ({len(builtin_rules())} rules)")


if __name__ == "__main__":
    main()
