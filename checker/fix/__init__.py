"""``--fix`` / ``--diff``: apply diagnostics' fixes, show them as a unified diff, write files atomically."""
