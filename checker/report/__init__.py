"""Reporters: turn FileResults into text for people or machines. One module per format."""

from __future__ import annotations

from importlib import import_module

# format name → module under checker.report with ``render(results, out, options)``
FORMATS: dict[str, str] = {
    "text": "text",
    "full": "text",
    "concise": "concise",
    "json": "json_format",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "html": "html_format",
    "csv": "csv_format",
    "xlsx": "xlsx_format",
}


def reporter(name: str):
    return import_module(f"{__package__}.{FORMATS[name]}")
