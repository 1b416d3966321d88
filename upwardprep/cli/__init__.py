"""The `upwardprep` command: the GUI by default, and headless subcommands for the main jobs.

Start-up is kept light: nothing here or in the parser imports the services (SQLAlchemy, the ORM
mapping) or Qt; a command imports what it needs when it runs, so `--help`, `--version` and usage
errors answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from upwardprep.cli.common import UsageError, refuse_undecodable
from upwardprep.cli.parser import build_parser, desktop_parser
from upwardprep.clock import check_environment
from upwardprep.files import forbid_core_dumps

__all__ = ["build_parser", "gui_main", "main"]

log = logging.getLogger("upwardprep")


def _user_error_code(error: Exception) -> int | None:
    """The exit code of an error meant for the user (its message is a sentence), else None."""
    from upwardprep.services.common import NotFound, ValidationError
    from upwardprep.services.vault import StoreError

    if isinstance(error, StoreError | ValidationError | NotFound):
        return int(error.exit_code)
    return None


# Control characters, newline and tab aside: an escape sequence in imported text (a calendar's
# event title) must not drive the terminal it is printed on.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _PrintableOnly:
    """A text stream that drops control characters and passes everything else on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_CONTROL.sub("", text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _printable_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = _PrintableOnly(sys.stdout)
    sys.stderr = _PrintableOnly(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _desktop_arguments(argv: Sequence[str]) -> tuple[Any, Any] | None:
    """(parser, arguments) when `argv` only starts the desktop app (its own options, no
    command, no help): parsed without building every command's parser. None otherwise."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None  # the help lists the commands
    parser = desktop_parser()
    parser.exit_on_error = False
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the whole parser says what is wrong, as it does for a command
    return None if rest else (parser, args)


def main(argv: Sequence[str] | None = None) -> int:
    forbid_core_dumps()  # the key and the notes are in this process's memory
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    arguments = list(sys.argv[1:] if argv is None else argv)
    desktop = _desktop_arguments(arguments)
    if desktop is not None:
        parser, args = desktop
    else:
        parser = build_parser()
        args = parser.parse_args(arguments)
    if args.command is None:  # the desktop app
        return _run(parser, args)
    if hasattr(signal, "SIGPIPE"):
        # Piped into `head`: stop quietly when the reader has gone, as Unix tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    with _printable_output():
        return _run(parser, args)


def _run(parser: Any, args: Any) -> int:
    try:
        check_environment()
    except ValueError as error:
        print(f"upwardprep: {error}", file=sys.stderr)
        return 1
    try:
        refuse_undecodable(parser, args)
        return int(args.func(args))
    except UsageError as error:
        print(f"upwardprep: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("upwardprep: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except OSError as error:
        # The file system said no (a folder where a file should be, permissions, disk full).
        where = f": {error.filename}" if error.filename else ""
        print(f"upwardprep: {error.strerror or 'input/output error'}{where}", file=sys.stderr)
        return 7
    except Exception as error:
        code = _user_error_code(error)
        if code is not None:  # the store's typed errors, invalid input, a record not found
            print(f"upwardprep: {error}", file=sys.stderr)
            return code
        # Last resort: name the kind of failure, never its arguments (they may hold note text).
        if os.environ.get("UPWARDPREP_DEBUG"):
            raise
        print(
            f"upwardprep: an unexpected error ({type(error).__name__}) stopped the command. "
            "Completed saves are intact. Set UPWARDPREP_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 1


def gui_main() -> int:
    return main(sys.argv[1:] or [])
