"""A hard time limit for a parse in a test: a hang fails the test instead of blocking the run."""

from __future__ import annotations

import signal
from contextlib import contextmanager


@contextmanager
def hard_limit(seconds: int):
    """Interrupt the block after `seconds` (SIGALRM reaches the expat handlers and json in Python)."""
    def expired(_signum, _frame):
        raise TimeoutError(f"the parse took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
