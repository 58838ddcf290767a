"""Tests of archiver; ``tests.web`` is the loopback test web they run against."""
