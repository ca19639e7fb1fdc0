"""Run one command and report its wall time, peak memory and exit code as JSON on stdout.

The benchmark starts every measured command through this small launcher instead of directly:
on Linux a child's peak RSS starts from its parent's at fork and survives exec, so a command
started from the (larger) benchmark process would report the benchmark's memory, not its own.

    python bench/launch.py COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    print(
        json.dumps(
            {"seconds": seconds, "rss_kb": rss_kb, "code": os.waitstatus_to_exitcode(status)}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
