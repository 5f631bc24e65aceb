"""Kring's load and speed benchmarks, run by `make bench` (see bench/README.md)."""
