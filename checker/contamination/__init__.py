"""Detectors for pollution that copied reports pick up: spam names, web boilerplate, repeated text.

Each module analyses a Document once (memoised in ``doc.cache``); the rule kinds in checker/kinds
only turn the analysis into diagnostics.
"""
