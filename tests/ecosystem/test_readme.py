"""The README documents every command and every option of the command line."""

from __future__ import annotations

import argparse
import re

from checker.cli.main import build_parser
from checker.report import FORMATS
from eco_helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# `govlint template` is documented by the area that builds it; drop it from here once the README has it.
OPTIONAL_COMMANDS = {"template"}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_readme_keeps_its_two_setup_commands_first():
    assert README.startswith("# govlint\n\n```bash\npip install . && govlint check seeds/\n"
                             "pip install '.[test]' && python -m pytest\n```\n")


def test_every_command_is_documented_with_an_example():
    for name in set(_subcommands()) - OPTIONAL_COMMANDS:
        assert f"govlint {name}" in README, f"README: no example of `govlint {name}`"


def test_every_option_is_documented():
    missing = []
    for name, parser in _subcommands().items():
        if name in OPTIONAL_COMMANDS:
            continue
        for action in parser._actions:
            longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            if longs and not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", README) for o in longs):
                missing.append(f"{name} {longs[0]}")
    assert not missing, f"options missing from README: {missing}"


def test_every_output_format_is_documented():
    for fmt in FORMATS:
        assert f"`{fmt}`" in README, fmt
