"""Normalisation: a chain of edit steps over the text, each remembering how to map back to the original."""
