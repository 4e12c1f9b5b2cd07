"""What the streamed reporters share: a run is ``file(result)`` per report in input order, then ``end(tally)``
(checker/cli/streaming.py drives them one file at a time; ``render`` drives them over a whole list)."""

from __future__ import annotations

from .summary import Tally, summary_line


class SummaryStream:
    """A reporter whose output ends with the summary line (unless ``quiet``)."""

    def __init__(self, out, options) -> None:
        self.out, self.options = out, options

    def end(self, tally: Tally) -> None:
        if not self.options.get("quiet"):
            self.out.write(summary_line(tally, self.options.get("elapsed")) + "\n")


def render_all(stream, results, tally: bool = True) -> None:
    """Every result through ``stream``; the tally over the whole list when the stream uses one."""
    for r in results:
        stream.file(r)
    stream.end(Tally.of(results) if tally else None)
