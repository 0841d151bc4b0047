"""The benchmark harness: `bench/run.py` and the pieces only it mounts (see bench/README.md)."""
