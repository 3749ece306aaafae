"""`townsquare serve`: build the blog, serve it on HOST:PORT and rebuild after every change.

What `make serve` runs instead of ``pelican --autoreload --listen``, which pointed the pages at
the SITEURL of pelicanconf.py whatever the port (CSS came from whatever ran on port 8000), gave
no hint when the port was taken, rebuilt in a tight loop after a failed build (47 rebuilds in
25 s) and printed a repeated mistake only once (Pelican drops a log message it has shown).
Here:

- SITEURL is ``http://HOST:PORT`` of this server; a port in use is named, with how to pick
  another;
- a failed build is reported, every time, and the next build waits for the next change;
- the site is built into its own folder (``.serve`` by default), so a published build in
  ``output/`` is never replaced by a local one.
"""

import argparse
import errno
import os
import sys
import threading
from pathlib import Path

SERVE_OUTPUT = ".serve"


def _parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Build the blog into its own folder, serve it and rebuild on every change.",
        epilog="make serve PORT=8001 picks another port; Ctrl-C stops.",
    )
    parser.add_argument("--settings", "-s", default="pelicanconf.py", help="settings file")
    parser.add_argument("--output", "-o", default=SERVE_OUTPUT, help="folder to build into")
    parser.add_argument("--bind", "-b", default="127.0.0.1", help="address to serve on")
    parser.add_argument("--port", "-p", type=int, default=8000, help="port to serve on")
    return parser


def site_url(host, port):
    """The SITEURL of a site served on host:port (IPv6 addresses in brackets)."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def listener(output, host, port):
    """An HTTP server for output on host:port; OSError when the port cannot be used."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    class QuietHandler(ComplexHTTPRequestHandler):
        def log_message(self, format, *args):  # one line per request buries the build report
            pass

    return RootedHTTPServer(output, (host, port), QuietHandler)


def port_problem(error, host, port):
    """The one-line message for a port that cannot be served on."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another `make serve`?); fix: stop it, "
            f"or pick another port: make serve PORT={port + 1}"
        )
    return (
        f"cannot serve on {host}:{port} ({error.strerror}); fix: pick another address or "
        f"port: make serve HOST=127.0.0.1 PORT={port + 1}"
    )


def main(argv=None, prog="townsquare serve"):
    """Serve and rebuild until Ctrl-C; exit 2 when the settings file or the port is unusable."""
    args = _parser(prog).parse_args(argv)
    settings_file = Path(args.settings)
    if not settings_file.is_file():
        print(
            f"{prog}: no settings file {settings_file}; fix: run it in your blog's folder",
            file=sys.stderr,
        )
        return 2
    output = Path(args.output).resolve()
    output.mkdir(parents=True, exist_ok=True)
    try:
        httpd = listener(str(output), args.bind, args.port)
    except OSError as error:
        print(f"{prog}: {port_problem(error, args.bind, args.port)}", file=sys.stderr)
        return 2
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    from .rebuild import Rebuilder

    url = site_url(args.bind, args.port)
    rebuilder = Rebuilder(
        str(settings_file.resolve()), {"SITEURL": url, "OUTPUT_PATH": str(output)}
    )
    print(f"Serving {os.path.relpath(output)}/ at {url}/ (Ctrl-C stops)", flush=True)
    try:
        rebuilder.forever()
    except KeyboardInterrupt:
        print(f"{prog}: stopped", flush=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
    return 0
