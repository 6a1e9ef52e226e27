"""The performance suite: `make bench` (full) or `python -m benchmarks.run --smoke`."""
