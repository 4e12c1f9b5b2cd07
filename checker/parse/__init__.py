"""Parsing the normalised text: headings, sections, title, report year."""
