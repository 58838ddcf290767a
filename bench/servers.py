"""Serve the benchmark corpus on loopback: nginx when it can be had, else Python.

nginx is the yardstick's server because it is what the pages come from in real life
and it costs next to nothing per request, so the figures measure the clients. It runs
from a private prefix (config, logs, temp dirs, pid file all under the output folder)
on 127.0.0.11-14, never touching a system nginx, and is stopped by its pid.

Where nginx cannot be installed, ``python -m bench.servers`` serves the same URLs with
the same encodings from a separate process, and the benchmark says so in its output.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.corpus import HOSTS

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Server:
    """A running corpus server: what it is, where, and how to stop it."""

    name: str  # "nginx 1.22.1" or "python http.server (fallback)"
    port: int
    process: subprocess.Popen[bytes]
    note: str = ""
    extra_pids: list[int] = field(default_factory=list)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        """Graceful stop (SIGQUIT for nginx, SIGTERM otherwise) by pid, then kill."""
        if self.process.poll() is not None:
            return
        sig = signal.SIGQUIT if self.name.startswith("nginx") else signal.SIGTERM
        os.kill(self.pid, sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(self.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


def free_port(ips: list[str]) -> int:
    """A port free on every address, so the four hosts share one port number."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((ips[0], 0))
            port = probe.getsockname()[1]
        ok = True
        for ip in ips:
            with socket.socket() as probe:
                try:
                    probe.bind((ip, port))
                except OSError:
                    ok = False
                    break
        if ok:
            return port
    raise RuntimeError("no common free port on the benchmark addresses")


def wait_listening(ips: list[str], port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    pending = list(ips)
    while pending:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"server not listening on {pending} port {port}")
        try:
            with socket.create_connection((pending[0], port), timeout=1):
                pending.pop(0)
        except OSError:
            time.sleep(0.05)


# --------------------------------------------------------------------------- nginx


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def install_nginx() -> tuple[str | None, str]:
    """apt-get install nginx when we are root and apt exists; (path, what happened)."""
    path = find_nginx()
    if path:
        return path, "already installed"
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None, "nginx missing and cannot be installed (not root or no apt-get)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    result = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "nginx"],
        env=env,
        capture_output=True,
        text=True,
    )
    path = find_nginx()
    if path:
        return path, "installed with apt-get"
    tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
    return None, f"apt-get install nginx failed: {tail[0]}"


def nginx_version(binary: str) -> str:
    result = subprocess.run([binary, "-v"], capture_output=True, text=True)
    return (result.stderr or result.stdout).strip().split("/")[-1]


def nginx_config(root: Path, prefix: Path, port: int) -> str:
    """One server per host address; /gzip/ compressed, /chunked/ framed chunked.

    SSI on a page with no SSI directives changes nothing in the body but drops the
    Content-Length, which is the least intrusive way to make nginx send chunked.
    gzip output is chunked too (nginx streams it), as on most real sites.
    tcp_nopush (TCP_CORK) stays off: on loopback it held back the end of responses on
    kept-alive connections (wget fetched 31 chunked pages/s with it, 129 without), and the
    server must not be what the clients wait for.
    """
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(os.getuid()).pw_name};"
    servers = []
    for host, ip in HOSTS:
        servers.append(
            f"""
    server {{
        listen {ip}:{port};
        server_name {host};
        root {root / host};
        location /gzip/ {{ gzip on; gzip_types text/html; gzip_min_length 0; gzip_comp_level 1; }}
        location /chunked/ {{ ssi on; }}
    }}"""
        )
    return f"""{user}
worker_processes auto;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
    default_type text/html;
    types {{ text/html html; }}
    access_log off;
    sendfile on;
    tcp_nopush off;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    {"".join(servers)}
}}
"""


def start_nginx(binary: str, root: Path, prefix: Path) -> Server:
    for sub in ("logs", "tmp", "conf"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    ips = [ip for _, ip in HOSTS]
    port = free_port(ips)
    conf = prefix / "conf" / "nginx.conf"
    conf.write_text(nginx_config(root.resolve(), prefix.resolve(), port))
    args = [binary, "-p", str(prefix.resolve()), "-c", str(conf.resolve())]
    args += ["-e", str((prefix / "logs" / "error.log").resolve())]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_listening(ips, port, process)
    except RuntimeError as exc:
        stderr = process.stderr.read().decode(errors="replace") if process.poll() else ""
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait()
        raise RuntimeError(f"{exc}: {stderr.strip()}") from exc
    return Server(f"nginx {nginx_version(binary)}", port, process)


# --------------------------------------------------------------------------- python fallback


def start_python(root: Path) -> Server:
    """The fallback server in its own process, so its CPU is not the harness's."""
    ips = [ip for _, ip in HOSTS]
    port = free_port(ips)
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.servers", "--root", str(root), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_listening(ips, port, process)
    return Server("python http.server (fallback, separate process)", port, process)


def start(root: Path, prefix: Path, prefer: str = "auto") -> Server:
    """nginx if available (installing it when possible), else the Python server."""
    note = ""
    if prefer in ("auto", "nginx"):
        binary, note = install_nginx()
        if binary:
            try:
                server = start_nginx(binary, root, prefix)
                server.note = note
                return server
            except RuntimeError as exc:
                note = f"nginx failed to start: {exc}"
        if prefer == "nginx":
            raise RuntimeError(note)
    server = start_python(root)
    server.note = note
    return server


class _Handler(BaseHTTPRequestHandler):
    """Mirrors the nginx config: /gzip/ gzip-encoded and chunked, /chunked/ chunked."""

    protocol_version = "HTTP/1.1"
    server_version = "bench-python"
    root: Path = Path(".")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        host = dict((ip, name) for name, ip in HOSTS).get(self.server.server_address[0], "")
        path = (self.root / host / self.path.split("?")[0].lstrip("/")).resolve()
        if not str(path).startswith(str(self.root.resolve())) or not path.is_file():
            body = b"<html><body><h1>404 Not Found</h1></body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        body = path.read_bytes()
        kind = self.path.split("/")[1]
        gzip_ok = "gzip" in (self.headers.get("Accept-Encoding") or "")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if kind == "gzip" and gzip_ok:
            body = gzip.compress(body, compresslevel=1)
            self.send_header("Content-Encoding", "gzip")
        if kind in ("gzip", "chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 8192):
                piece = body[i : i + 8192]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


def serve(root: Path, port: int) -> None:
    """Serve until SIGTERM: one threading server per host address."""
    _Handler.root = root
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 1024
    servers = [ThreadingHTTPServer((ip, port), _Handler) for _, ip in HOSTS]
    for httpd in servers:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the benchmark corpus (fallback server).")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    serve(args.root, args.port)


if __name__ == "__main__":
    main()
