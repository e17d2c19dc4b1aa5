"""Pausing Python's cyclic garbage collector while a batch is in memory.

Cleaning allocates a few objects per line of every page (blocks, their
labels), tabulating a few more per block, and they all live until the batch
is written: the collector would scan them over and over and find almost
nothing to free (about one object per page on the dev dumps, none on HTML
pages; reference counting frees the rest as usual). A batch run pauses it
from cleaning to writing, and drops the batch before it resumes: objects
still alive then would be scanned after all, once per generation. Pausing
it while a batch is cleaned saved 7% of the CPU time of a text-dump run;
over the whole batch, and dropping the batch first, 10% more.
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
