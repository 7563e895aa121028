"""A real PostgreSQL server for the tests: initdb in a temporary folder, on 127.0.0.1.

The server runs as an unprivileged user (PostgreSQL refuses to run as root), listens on a
free port of 127.0.0.1 only, asks for a password, and is stopped (its folder removed) when
the session ends. Without PostgreSQL the tests that need it are skipped on a developer's
machine and fail under CI=true (``make test`` installs Debian's package first).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

UNPRIVILEGED = "nobody"
SUPERUSER = "seven"


def _bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and the server (Debian keeps them out of PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    """A running test server: where it listens and how to make a database on it."""

    bin_dir: Path
    port: int
    password: str
    data: Path
    options: str

    def url(self, database: str, *, with_password: bool = True) -> str:
        """A postgresql:// address for ``database`` on this server."""
        secret = ":" + quote(self.password, safe="") if with_password else ""
        return f"postgresql://{SUPERUSER}{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its address (with the password)."""
        self.run("createdb", name)
        return self.url(name)

    def stop(self) -> None:
        """Stop the server, ending every connection to it."""
        self._pg_ctl("stop")

    def start(self) -> None:
        """Start the stopped server again, on the same port and data."""
        self._pg_ctl("start")

    def restart(self) -> None:
        """Stop the server (ending every connection to it) and start it again."""
        self._pg_ctl("restart")

    def _pg_ctl(self, action: str) -> None:
        # With its log in a file: a server started here must not hold on to our pipes.
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w"]
        command += ["-l", str(self.data.parent / "log"), "-o", self.options, action]
        subprocess.run(_as_owner(command), check=True, capture_output=True)

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess:
        """Run a client tool (createdb, psql, pg_dump) against this server."""
        env = {**os.environ, "PGPASSWORD": self.password}
        command = [str(self.bin_dir / tool), "-h", "127.0.0.1", "-p", str(self.port)]
        command += ["-U", SUPERUSER, *args]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True)


def _as_owner(command: list[str]) -> list[str]:
    # PostgreSQL will not run as root: hand the work to an unprivileged user.
    return ["runuser", "-u", UNPRIVILEGED, "--", *command] if os.geteuid() == 0 else command


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is needed under CI=true: {reason} (make test installs it)")
    pytest.skip(f"PostgreSQL not available: {reason}")


class Unavailable(RuntimeError):
    """PostgreSQL's server programs are not installed."""


@contextmanager
def running_server() -> Iterator[Server]:
    """A PostgreSQL server in a temporary folder, stopped and removed on leaving."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise Unavailable("initdb not found (Debian's postgresql package)")
    # The unprivileged user must reach the folder: not inside root's private temporary
    # folders (a TMPDIR under pytest's own, say), but in /tmp itself.
    parent = "/tmp" if os.geteuid() == 0 else None  # noqa: S108
    folder = Path(tempfile.mkdtemp(prefix="seven-signs-pg-", dir=parent))
    data = folder / "data"
    password = secrets.token_urlsafe(12) + "#@:/"  # characters an address must escape
    pwfile = folder / "pw"
    pwfile.write_text(password + "\n")
    if os.geteuid() == 0:
        shutil.chown(folder, UNPRIVILEGED)
        shutil.chown(pwfile, UNPRIVILEGED)
    port = _free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER]
    initdb += ["--auth=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--no-sync"]
    try:
        subprocess.run(_as_owner(initdb), check=True, capture_output=True)
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        options += " -c max_connections=200"
        start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")]
        started = subprocess.run(
            _as_owner([*start, "-o", options, "-w", "-t", "60", "start"]), capture_output=True
        )
        if started.returncode:
            log = (folder / "log").read_text() if (folder / "log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr!r} {log}")
        ready = [str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)]
        for _ in range(50):  # accepting connections, not only started
            if subprocess.run(ready, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        yield Server(bin_dir, port, password, data, options)
    finally:
        stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        if data.exists():
            subprocess.run(_as_owner(stop), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """A PostgreSQL server for the whole session, stopped at its end."""
    try:
        with running_server() as server:
            yield server
    except Unavailable as missing:
        _missing(str(missing))


@pytest.fixture
def own_postgres_server() -> Iterator[Server]:
    """A PostgreSQL server of this test's own, which it may restart or stop."""
    try:
        with running_server() as server:
            yield server
    except Unavailable as missing:
        _missing(str(missing))


_COUNTER = iter(range(1_000_000))


@pytest.fixture
def postgres_url(postgres_server: Server) -> str:
    """The address of a new, empty database on the test server (with its password)."""
    return postgres_server.create_database(f"journal_{os.getpid()}_{next(_COUNTER)}")
