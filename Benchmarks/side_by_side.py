"""Timing helpers shared by the side-by-side benchmarks (lifecycle, log,
gzip, targets, jobs): wall times of a command, its peak RSS, and the rate
table they print."""
import resource
import statistics
import subprocess
import time


def timed(command, runs):
    """The median wall time of `runs` runs, nothing on stdin."""
    return statistics.median(wall(command, "/dev/null") for _ in range(runs))


def peak_rss_mb(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def wall(argv, stdin_path):
    """One run's wall time, its input on stdin from `stdin_path` (/dev/null for none)."""
    with open(stdin_path, "rb") as stdin:
        started = time.perf_counter()
        status = subprocess.run(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - started
    if status not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv)} exited {status}")
    return elapsed


def print_rate_table(prefix, rows):
    """rows: (name, bytes, median seconds), as `timed` gives them."""
    print()
    print("| case | bytes | median s | MB/s |")
    print("| --- | ---: | ---: | ---: |")
    for name, size, seconds in rows:
        print(f"| {prefix}{name} | {size} | {seconds:.3f} | {size / seconds / 1e6:.1f} |")
