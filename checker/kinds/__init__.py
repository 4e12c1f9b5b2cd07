"""Rule kinds. Each module is one kind: ``check(doc, rule)`` yields diagnostics, and an optional
``compile(params)`` prepares what should be built once per process."""
