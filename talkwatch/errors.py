"""Exit codes and the one error type the CLI turns into a one-line message."""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class TalkwatchError(Exception):
    """A runtime problem the user can act on; shown as one line, exit code 1."""
