"""Rule engine: YAML rules of a few kinds, validated, compiled once, run over documents."""
