"""`python -m hooks.cli.port PORT`: say clearly, before `mkdocs serve`
fails with a traceback, that the port is taken and how to choose another.
Also what the tests, benchmarks and scripts that start a local server share:
a port nobody uses, and waiting until the server answers."""
from __future__ import annotations

import socket
import sys
import time
import urllib.request


def free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def unused(host: str = "127.0.0.1") -> int:
    """A port the system has just found free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_http(url: str, contains: str | None = None, timeout: float = 120) -> str:
    """The page at `url` once it answers (and holds `contains`, if given)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                text = resp.read().decode("utf-8", "replace")
                if contains is None or contains in text:
                    return text
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not ready" + (f" with {contains!r}" if contains else ""))


def main(argv: list[str]) -> int:
    port = int(argv[0]) if argv else 8000
    if free(port):
        return 0
    print(f"Cổng {port} đang được dùng (có thể một 'make serve' khác vẫn chạy). Cách sửa: dừng chương trình đó "
          f"(Ctrl+C trong cửa sổ của nó), hoặc chọn cổng khác: make serve PORT={port + 1}\n"
          f"    (en) port {port} is in use; stop the other server or run: make serve PORT={port + 1}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
