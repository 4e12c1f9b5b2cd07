"""Count the work a call does, in interpreter instructions (and, for hashing, bytes hashed), so that
scaling tests compare amounts of work rather than times."""

from __future__ import annotations

import sys


def opcodes(fn, *args, **kwargs) -> int:
    """Python instructions executed by ``fn(*args, **kwargs)``, in every frame it enters."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "call":
            frame.f_trace_opcodes = True
            frame.f_trace_lines = False
        elif event == "opcode":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(old)
    return count


def ratio(work, small, large) -> float:
    """work(large) / work(small), after one warm-up call: first-use costs (patterns compiled lazily,
    modules imported) are not part of the scaling."""
    work(small)
    return work(large) / max(1, work(small))
