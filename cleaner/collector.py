"""Pausing Python's cyclic garbage collector while a batch is in memory.

Cleaning allocates a few objects per line of every page (blocks, their
labels), tabulating a few more per block, and they all live until the batch
is written: the collector would scan them over and over and find almost
nothing to free (about one object per page on the dev dumps, none on HTML
pages; reference counting frees the rest as usual). Pausing it while a batch
is cleaned saved 7% of the CPU time of a text-dump run, and 5% more while it
is tabulated and written.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside, then as it was (pauses nest)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
