"""What a directory walk leaves out: tool and build folders by default, the configuration's and the
command line's ``exclude``/``extend-exclude`` patterns, the ``.gitignore`` files of the tree, and
Markdown files and project documents (README, LICENSE…) that are not reports.

Patterns are gitignore patterns (pathspec, imported only when there is a pattern or a .gitignore),
relative to the folder of the configuration that gives them or to the current folder for the command
line, as ruff reads them. Files named on the command line are always checked, as in ruff."""

from __future__ import annotations

import os
import re

from .. import lazy_re

DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "build", "dist", "__pycache__",
                    ".tox", ".nox", "site-packages")
MARKDOWN = (".md", ".markdown")
SNIFF_BYTES = 64 * 1024
# A report names its subject and is divided into numbered parts (一、… 二、…), in either script.
_SUBJECT = lazy_re.compile(r"信息公[开開]")
# A project's own documents, whatever their suffix (README.txt, LICENSE.txt…)
_PROJECT_DOC = re.compile(r"(?i)(readme|changelog|changes|history|news|contributing|license|licence|authors|notice"
                          r"|security|code_of_conduct)([._-].*)?$")
_PART = lazy_re.compile(r"^\s*(?:#+\s*)?[一二三四五六七八九十]+\s*[、．. ]", re.MULTILINE)


class Excludes:
    def __init__(self, names=DEFAULT_EXCLUDES, patterns: list[tuple[str, list[str]]] = (), gitignore: bool = True):
        self.names = frozenset(names)
        self.specs = [(os.path.abspath(base), _spec(pats)) for base, pats in patterns if pats]
        self.gitignore = gitignore
        self._ignores: dict[str, list | None] = {}     # folder → the specs that apply (None: not in a repository)

    def skip_dir(self, folder: str, name: str) -> bool:
        return name in self.names or self._matched(os.path.join(folder, name), True)

    def skip_file(self, folder: str, name: str) -> bool:
        path = os.path.join(folder, name)
        if self._matched(path, False):
            return True
        documentation = name.lower().endswith(MARKDOWN) or _PROJECT_DOC.match(name)
        return bool(documentation) and not looks_like_report(path)

    def _matched(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        for base, spec in [*self.specs, *self._gitignores(os.path.dirname(path))]:
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            if not rel.startswith("../") and spec.match_file(rel + ("/" if is_dir else "")):
                return True
        return False

    def _gitignores(self, folder: str) -> list[tuple[str, object]]:
        """The .gitignore specs that apply in ``folder``: its own and its parents' up to the repository
        root; none outside a git repository (git itself reads no .gitignore there)."""
        if not self.gitignore:
            return []
        if folder not in self._ignores:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                above: list | None = []
            elif parent == folder:
                above = None                      # reached / without a repository
            else:
                above = self._gitignores_or_none(parent)
            own = _read_gitignore(folder) if above is not None else None
            self._ignores[folder] = None if above is None else above + ([(folder, own)] if own else [])
        return self._ignores[folder] or []

    def _gitignores_or_none(self, folder: str):
        self._gitignores(folder)
        return self._ignores[folder]


def _spec(patterns: list[str]):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def _read_gitignore(folder: str):
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    return _spec(lines) if any(line.strip() and not line.startswith("#") for line in lines) else None


def looks_like_report(path: str) -> bool:
    """A Markdown file is taken for a report when it names 信息公开 and has two numbered parts."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(SNIFF_BYTES)
    except OSError:
        return True                     # let the reader say what is wrong with it
    text = data.decode("utf-8", errors="ignore") or data.decode("gb18030", errors="ignore")
    return bool(_SUBJECT.search(text)) and len(_PART.findall(text)) >= 2


def from_settings(settings, cli_exclude=None, cli_extend=(), cwd: str = ".") -> Excludes:
    """ruff's rule: ``exclude`` replaces the defaults, ``extend-exclude`` adds to them; the command line
    replaces or extends the configuration's lists."""
    root = str(settings.root)
    cfg_exclude, cfg_extend = settings.exclude, settings.extend_exclude
    names, patterns = DEFAULT_EXCLUDES, []
    if cli_exclude is not None:
        names, patterns = (), [(cwd, list(cli_exclude))]
    elif cfg_exclude is not None:
        names, patterns = (), [(root, list(cfg_exclude))]
    patterns += [(root, list(cfg_extend)), (cwd, list(cli_extend))]
    return Excludes(names, patterns)
