"""A fork server for the CLI under test: each `upwardprep` command still runs in a process of its
own, but forked from one that has already imported the program, instead of a new interpreter.

Why: the end-to-end tests run a couple of hundred commands, and each new interpreter spent ~1.2 s
of CPU importing SQLAlchemy, the ORM mapping, Alembic and ReportLab before doing a few
milliseconds of work. A forked child starts with those modules loaded and nothing else shared:
its own process (locks, signals, exit code), its own argv, environment, working folder and
standard streams, exactly as `python -m upwardprep ...` would have them. Nothing in the server
runs the program itself, so no state a command builds (the clock's start, temp folder, logging)
exists before the fork.

Protocol (JSON lines on the server's stdin/stdout): a request names argv, env, cwd and the files
for stdin/stdout/stderr; the server answers `{"pid": N}` once the child runs and
`{"exit": CODE}` when it ends (a negative signal number if a signal ended it, like subprocess).

Keys: a command derives the store's key from the passphrase (PBKDF2, 256,000 rounds, ~0.27 s of
CPU), and the suite's commands open the same few stores again and again (150 derivations, 32
distinct). Each child reports the keys it derived on a pipe; the server keeps them, by
(passphrase, salt), and later children start with them, as the tests' own process does with its
cached `derive_key` (tests/conftest.py). A first derivation still runs the real KDF in a child.

Set UPWARDPREP_TEST_CLI=subprocess to run every command in a new interpreter instead.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import select
import signal
import sys
import tempfile
import traceback
from typing import Any

PRELOAD = (
    "upwardprep.cli",
    "upwardprep.cli.common",
    "upwardprep.cli.parser",
    "upwardprep.services",
    "upwardprep.services.vault",
    "upwardprep.store.migrate",
    "alembic.command",
    "alembic.runtime.migration",
    "upwardprep.export",
    "reportlab.platypus",
)


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        # A module renamed or gone: the child imports what it needs itself.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


# The keys earlier commands derived, by (passphrase, salt); filled in the server, read by children.
_KEYS: dict[tuple[str, bytes], bytes] = {}


def _derive_through_cache(feedback: int) -> None:
    """In the child: derive keys through the server's cache, and report each new one back."""
    from upwardprep.store import keys

    derive = keys.derive_key

    def derive_key(passphrase: str, salt: bytes) -> bytes:
        known = _KEYS.get((passphrase, salt))
        if known is not None:
            return known
        key = derive(passphrase, salt)
        record = json.dumps({"passphrase": passphrase, "salt": salt.hex(), "key": key.hex()})
        if len(record) < select.PIPE_BUF:  # written whole or not at all, even if killed
            with contextlib.suppress(OSError):
                os.write(feedback, record.encode() + b"\n")
        return key

    keys.derive_key = derive_key


def _learn_keys(feedback: int) -> None:
    """In the server, after a child ended: keep the keys it reported."""
    data = b""
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(feedback, 65536):
            data += chunk
    for line in data.splitlines():
        record = json.loads(line)
        _KEYS[(record["passphrase"], bytes.fromhex(record["salt"]))] = bytes.fromhex(record["key"])


def _run_child(request: dict[str, Any], feedback: int) -> None:
    """In the forked child: become `python -m upwardprep ARGS` and exit with its code."""
    code: int = 1
    try:
        _derive_through_cache(feedback)
        os.setsid()  # no controlling terminal, like a command run by a script
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as a new interpreter has it
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(request["stdin"] or os.devnull, os.O_RDONLY)
        stdout = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        stderr = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        for fd, target in ((stdin, 0), (stdout, 1), (stderr, 2)):
            os.dup2(fd, target)
            os.close(fd)
        # Fresh text streams on the new descriptors, set up as Python sets them for a pipe.
        encoding = request["encoding"]
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding=encoding)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding=encoding)
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False),
            encoding=encoding,
            errors="backslashreplace",
            line_buffering=True,
        )
        sys.argv = [request["argv0"], *request["argv"]]
        tempfile.tempdir = None  # the child's TMPDIR, not the server's
        from upwardprep.cli import main

        try:
            code = main(request["argv"])
        except SystemExit as leaving:
            if leaving.code is None:
                code = 0
            elif isinstance(leaving.code, int):
                code = leaving.code
            else:
                print(leaving.code, file=sys.stderr)
                code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):  # the child is leaving either way
                stream.flush()
        os._exit(code & 0xFF)


def serve() -> None:
    _preload()
    replies = sys.stdout
    learned, feedback = os.pipe()
    os.set_blocking(learned, False)
    for line in sys.stdin:
        request = json.loads(line)
        replies.flush()
        pid = os.fork()
        if pid == 0:
            os.close(learned)
            _run_child(request, feedback)
        replies.write(json.dumps({"pid": pid}) + "\n")
        replies.flush()
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        _learn_keys(learned)
        replies.write(json.dumps({"exit": code}) + "\n")
        replies.flush()


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # pytest's ^C is for pytest; it closes stdin
    serve()
