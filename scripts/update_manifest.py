"""Validate every built-in rule file against the JSON Schema and record their content hash.

While the hash in rules/schema/builtin.digest matches, ``govlint check`` trusts the built-in rules
and never imports jsonschema. tests/test_rule_files.py fails when the manifest is stale.
Run after editing anything under rules/: python scripts/update_manifest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.engine.loader import MANIFEST, builtin_digest, builtin_rule_files, parse_rule_file  # noqa: E402
from checker.engine import yamlcache  # noqa: E402
from checker.resources import rules_root  # noqa: E402


def main() -> None:
    for path in builtin_rule_files():
        parse_rule_file(path.read_text(encoding="utf-8"), str(path), validate=True, builtin=True)
    (rules_root() / MANIFEST).write_text(builtin_digest() + "\n")
    yamlcache.write()           # the parsed rules and templates, so `govlint check` needs no YAML parser
    print(f"validated {len(builtin_rule_files())} rule files; manifest updated")


if __name__ == "__main__":
    main()
