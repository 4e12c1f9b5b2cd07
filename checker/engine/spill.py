"""Objects set aside on disk for the rest of a run: pickled one after another to an anonymous temporary
file (created at the first object, gone with the run), each found again by its offset and size. A run
over tens of thousands of files keeps only these two numbers a file in memory."""

from __future__ import annotations


class SpillFile:
    def __init__(self) -> None:
        self._fh = None

    def put(self, obj) -> tuple[int, int]:
        """(offset, size) of ``obj`` in the file."""
        import pickle               # only a run that sets something aside pays for the import

        if self._fh is None:
            import tempfile

            self._fh = tempfile.TemporaryFile(prefix="govlint-")
        data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
        offset = self._fh.seek(0, 2)
        self._fh.write(data)
        return offset, len(data)

    def get(self, offset: int, size: int):
        """A new copy of the object at each call."""
        import pickle

        self._fh.seek(offset)
        return pickle.loads(self._fh.read(size))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
