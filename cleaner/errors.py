"""Errors a user acts on. Each message names the file (or option) and the problem."""

from __future__ import annotations


class CleanerError(Exception):
    """Base of cleaner's own errors."""


class UsageError(CleanerError):
    """The command line asks for something impossible: a missing path, a bad option.

    The command line reports it in one line and exits with status 2.
    """


class ReadError(CleanerError):
    """A file could not be read (a table for ``cleaner check``, a schema, ...)."""
