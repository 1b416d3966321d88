"""What every command shares: usage errors, whole-number options, passphrases, table output, and
the store the command works on (through the vault service).

The passphrase comes from --passphrase-file, then UPWARDPREP_PASSPHRASE, then a prompt (like
borg and restic); it is never echoed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from upwardprep.services import Services
    from upwardprep.services.vault import Vault

EXIT_CODES = """\
exit codes:
  0  success
  1  usage error or invalid input (nothing was written)
  2  wrong passphrase
  3  store damaged (the integrity checks' findings are printed)
  4  not an UpwardPrep store, or no store at that path
  5  store in use by another process
  6  store written by a newer version of UpwardPrep
  7  the disk or file system refused (full, read-only, permissions)
"""


class UsageError(Exception):
    exit_code = 1


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high, or a clear usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}, not {value:,}")
        return value

    return parse


class Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors; 2 means "wrong passphrase" here, so use 1.

    `dash_words=True` (for `search`): an argument such as "-renewal" that is none of the
    command's options is a word (one the results must not contain), not an unknown option.
    """

    def __init__(self, *args: Any, dash_words: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dash_words = dash_words

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")

    def _parse_optional(self, arg_string: str) -> Any:
        if (
            self.dash_words
            and arg_string.startswith("-")
            and not arg_string.startswith("--")
            and len(arg_string) > 1
            and arg_string not in self._option_string_actions
        ):
            return None  # a positional word
        return super()._parse_optional(arg_string)


# Options whose values are file names: any bytes the file system allows. Every other value
# goes into the store or the output as text, and must be valid UTF-8.
PATH_DESTS = frozenset(
    {
        "store",
        "passphrase_file",
        "new_passphrase_file",
        "backup_passphrase_file",
        "body_file",
        "file",
        "out",
        "dir",
    }
)


def _flags(parser: argparse.ArgumentParser, found: dict[str, str] | None = None) -> dict[str, str]:
    """Each destination's name on the command line (its longest option, or its own name)."""
    found = {} if found is None else found
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _flags(child, found)
        elif action.dest not in found:
            options = sorted(action.option_strings, key=len)
            found[action.dest] = options[-1] if options else action.dest.upper()
    return found


def refuse_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A text argument that is not valid UTF-8 (bytes from a terminal in another encoding) is a
    usage error naming the argument, before anything is opened."""
    for dest, value in vars(args).items():
        if dest in PATH_DESTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not _is_utf8(item):
                flag = _flags(parser).get(dest, dest)
                raise UsageError(
                    f"{flag} is not valid UTF-8 text; give it in UTF-8 (check the terminal's "
                    "encoding). Nothing was written."
                )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes arrive as lone surrogates
        return False
    return True


def read_stdin_text(what: str) -> str:
    """Standard input as UTF-8 text, or a usage error naming the argument that asked for it."""
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(
            f"{what}: the text on standard input is not valid UTF-8. Nothing was written."
        ) from None


# -- passphrases ------------------------------------------------------------------------------


def read_passphrase_file(path: str) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"Cannot read the passphrase file {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise UsageError(f"The passphrase file {path} is not UTF-8 text.") from None
    return text[:-1] if text.endswith("\n") else text  # only the final newline is not part of it


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            "No passphrase given: use --passphrase-file FILE, set UPWARDPREP_PASSPHRASE, "
            "or run in a terminal to be asked."
        )
    import getpass  # only a terminal prompt needs it (not the app's start)

    return getpass.getpass(label)


def passphrase_from(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return read_passphrase_file(args.passphrase_file)
    env = os.environ.get("UPWARDPREP_PASSPHRASE")
    if env is not None:
        return env
    return _prompt("Passphrase: ")


def new_passphrase_from(args: argparse.Namespace, *, env_name: str, file_attr: str) -> str:
    path = getattr(args, file_attr, None)
    if path:
        return read_passphrase_file(path)
    env = os.environ.get(env_name)
    if env is not None:
        return env
    first = _prompt("New passphrase: ")
    if first != _prompt("Repeat the new passphrase: "):
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


# -- output -----------------------------------------------------------------------------------


def _cell(text: object, width: int) -> str:
    value = " ".join(str(text if text is not None else "").split())
    if len(value) > width:
        value = value[: width - 1] + "…"
    return value.ljust(width)


def print_rows(rows: Sequence[Sequence[object]], widths: Sequence[int]) -> None:
    for row in rows:
        cells = [_cell(value, width) for value, width in zip(row, widths, strict=False)]
        cells += [str(value) for value in row[len(widths) :]]
        print("  ".join(cells).rstrip())


# -- the store --------------------------------------------------------------------------------


def store_path(args: argparse.Namespace) -> Path:
    # Not through services.vault: `upwardprep --store PATH` names the store in the unlock
    # dialog before the store's code (SQLAlchemy, SQLCipher) has loaded.
    from upwardprep.paths import default_store_path

    return Path(args.store).expanduser() if args.store else default_store_path()


def vault_for(args: argparse.Namespace, *, backup_folder: str | None = None) -> Vault:
    from upwardprep.services.vault import Vault

    return Vault(store_path(args), backup_folder=backup_folder)


@contextlib.contextmanager
def open_services(args: argparse.Namespace) -> Iterator[Services]:
    """The unlocked store for one command, closed again when the command is done."""
    from upwardprep.services.vault import StoreMissing

    vault = vault_for(args)
    if not vault.exists():
        raise StoreMissing(f"There is no store at {vault.path}. Create one with `upwardprep init`.")
    with vault.session(passphrase_from(args)) as services:
        yield services
