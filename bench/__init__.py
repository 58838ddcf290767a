"""Benchmarks: scripts that print figures (speed is measured here, never in tests)."""
