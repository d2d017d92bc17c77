"""Exit codes and the errors talkwatch raises.

Every error a user can act on is a ``TalkwatchError``: the CLI prints its message as one line
and exits 1; the TUI shows it in one line and keeps going. The subclasses say what kind of
problem it is, so that callers decide by type, never by the text of a message.
"""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class TalkwatchError(Exception):
    """A runtime problem the user can act on; shown as one line, exit code 1."""


class Unavailable(TalkwatchError):
    """The database cannot be used as asked: missing, not talkwatch's, newer, read-only, busy."""


class Busy(Unavailable):
    """Another `talkwatch index` holds the database and we were asked not to wait."""


class NotFound(TalkwatchError):
    """No article, event or correction with the id or uid given."""


class Ambiguous(NotFound):
    """An id prefix that matches more than one event."""


class InvalidInput(TalkwatchError):
    """A value the user gave cannot be read: a date, a dyad, a type, a status, a file."""


class MissingDatabase(Unavailable):
    """No database file at the path given (the CLI adds how to make one, or use the demo's)."""


class UnknownValue(InvalidInput):
    """A value that names nothing talkwatch knows (an event type, a status, a dyad, an article,
    a cluster): a usage error, exit code 2; the message lists the choices or the nearest one."""


class SearchFailed(TalkwatchError):
    """The database could not run a search (the query itself is always valid SQL)."""


class Interrupted(TalkwatchError):
    """A read was stopped on purpose (a newer query superseded it); nothing to report."""
