"""Compare two commands by whole-process time, run alternately so both see the same machine.

    python benchmarks/ab.py 9 CMD_A... --- CMD_B...

Prints the minimum and median time of each and their ratios. To compare plainlang with an older
version of itself, put the old checkout first on PYTHONPATH:
    python benchmarks/ab.py 9 env PYTHONPATH=/path/to/old python -m plainlang check --exit-zero DIR \\
        --- python -m plainlang check --exit-zero DIR"""
import os
import statistics
import subprocess
import sys
import time


def main(argv):
    n, rest = int(argv[0]), argv[1:]
    split = rest.index("---")
    commands = (rest[:split], rest[split + 1:])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = ([], [])
    for _ in range(n):
        for cmd, out in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            out.append(time.perf_counter() - start)
    (a, b) = times
    print(f"A min {min(a):.3f} med {statistics.median(a):.3f} | B min {min(b):.3f} med {statistics.median(b):.3f} | "
          f"A/B by min {min(a) / min(b):.3f}, by median {statistics.median(a) / statistics.median(b):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
