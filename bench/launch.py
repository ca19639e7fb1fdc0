"""Run one command and report its wall time, peak memory, exit code and output size as JSON.

The benchmark starts every measured command through this small launcher instead of directly:
on Linux a child's peak RSS starts from its parent's at fork and survives exec, so a command
started from the (larger) benchmark process would report the benchmark's memory, not its own.

The command's standard output goes to an unnamed temporary file, so that its size (what a
reader would have to take in) is known without the launcher reading it while the command runs.
With ``--timeout SECONDS`` a command still running then is killed and reported as timed out:
a view that grows with the square of the corpus must not hang the whole benchmark.

    python bench/launch.py [--timeout SECONDS] COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from types import FrameType


def main(argv: list[str]) -> int:
    limit = 0.0
    if argv[:1] == ["--timeout"]:
        limit, argv = float(argv[1]), argv[2:]
    devnull = os.open(os.devnull, os.O_RDWR)
    with tempfile.TemporaryFile() as out:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, out.fileno(), 1)]
        timed_out = False
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal timed_out
            timed_out = True
            os.kill(pid, signal.SIGKILL)

        if limit > 0:
            signal.signal(signal.SIGALRM, stop)
            signal.setitimer(signal.ITIMER_REAL, limit)
        # wait4 is retried after the handler runs (PEP 475), and then reaps the killed command.
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
        signal.setitimer(signal.ITIMER_REAL, 0)
        rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        print(
            json.dumps(
                {
                    "seconds": seconds,
                    "rss_kb": rss_kb,
                    "code": os.waitstatus_to_exitcode(status),
                    "out_bytes": os.fstat(out.fileno()).st_size,
                    "timed_out": timed_out,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
