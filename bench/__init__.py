"""The benchmark harness: `bench/run.py` and the pieces only it mounts (README: Performance)."""
