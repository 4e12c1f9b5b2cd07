"""Document model: source text with positions, diagnostics, fixes."""
