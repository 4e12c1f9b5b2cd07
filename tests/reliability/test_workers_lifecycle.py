"""-j workers: they fit under the open-file limit and never outlive a parent killed with -9."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time

import pytest
from reliability_helpers import ROOT, SIMPLIFIED_SEED, env, govlint

from checker.engine.workers import fd_budget

linux_only = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc")


def _copies(folder, n: int, data: bytes):
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_bytes(data)


def _nofile(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))


def test_many_jobs_under_a_low_open_file_limit_run_to_the_end(tmp_path):
    # 96 files ask for 12 processes; 48 descriptors do not hold 12 workers' pipes: fewer workers, same output
    _copies(tmp_path, 96, SIMPLIFIED_SEED.read_bytes())
    low = govlint("check", tmp_path, "-j", "600", "--format", "json", preexec_fn=_nofile(48))
    one = govlint("check", tmp_path, "-j", "1", "--format", "json")
    assert "Traceback" not in low.stderr and low.returncode == one.returncode
    assert low.stdout == one.stdout


def test_fd_budget_follows_the_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))
        assert 0 < fd_budget(600) < 600 and fd_budget(3) == 3
        resource.setrlimit(resource.RLIMIT_NOFILE, (40, hard))
        assert fd_budget(600) == 0
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _workers(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(x) for x in fh.read().split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _pipe_ends(pid: int) -> set[tuple[str, str]]:
    """(pipe inode, 'r' or 'w') of every pipe end the process holds."""
    ends = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            link = os.readlink(f"/proc/{pid}/fd/{fd}")
            with open(f"/proc/{pid}/fdinfo/{fd}") as fh:
                flags = int(fh.read().split("flags:")[1].split()[0], 8)
        except OSError:
            continue
        if link.startswith("pipe:"):
            ends.add((link, "w" if flags & os.O_WRONLY else "r"))
    return ends


def _start_run(tmp_path, script: str | None = None):
    # enough files that the run is still going when the parent is killed, each quick to check, so a
    # worker reaches the end of its chunk soon after
    _copies(tmp_path, 4000, SIMPLIFIED_SEED.read_bytes())
    cmd = [sys.executable, "-c", script] if script else [sys.executable, "-m", "checker"]
    proc = subprocess.Popen([*cmd, "check", str(tmp_path), "-j", "3", "--format", "concise"], cwd=ROOT, env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    for _ in range(600):
        time.sleep(0.1)
        kids = _workers(proc.pid)
        if len(kids) == 2:
            time.sleep(1)           # past the workers' start-up, when they close what they inherited
            return proc, kids
    proc.kill()
    proc.wait()
    pytest.fail("the workers did not start")


def _wait_gone(kids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(map(_alive, kids)):
        time.sleep(0.2)
    left = [k for k in kids if _alive(k)]
    for k in left:
        os.kill(k, signal.SIGKILL)
    return left


@linux_only
def test_workers_die_with_a_parent_killed_by_sigkill(tmp_path):
    proc, kids = _start_run(tmp_path)
    proc.kill()
    proc.wait()
    assert _wait_gone(kids, 30) == []


@linux_only
def test_workers_hold_no_write_end_of_a_task_pipe_so_end_of_file_reaches_them(tmp_path):
    # without the parent-death signal (non-Linux), end-of-file on the task pipe is what ends a worker:
    # that needs every worker to have closed the parent's ends it inherited, its own and its siblings'
    script = ("import sys; from checker.engine import workers; workers.PR_SET_PDEATHSIG = 0; "
              "from checker.cli.main import main; sys.exit(main(sys.argv[1:]))")
    proc, kids = _start_run(tmp_path, script)
    try:
        ends = {k: _pipe_ends(k) for k in kids}
    finally:
        proc.kill()
        proc.wait()
    for k in kids:
        read_pipes = {p for p, e in ends[k] if e == "r"}
        assert not {p for p, e in ends[k] if e == "w"} & read_pipes, "a worker holds both ends of a pipe"
    assert _wait_gone(kids, 120) == []
