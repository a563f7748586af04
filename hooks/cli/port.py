"""`python -m hooks.cli.port PORT`: say clearly, before `mkdocs serve`
fails with a traceback, that the port is taken and how to choose another."""
from __future__ import annotations

import socket
import sys


def free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


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
