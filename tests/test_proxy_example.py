"""The README's reverse-proxy example for several servers: valid nginx, with what it needs."""

from __future__ import annotations

import re
import shutil
import subprocess

from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "nginx-several-servers.conf"


def test_the_nginx_example_is_accepted_by_nginx(tmp_path):
    """nginx itself checks the file when it is installed; else its shape is checked below."""
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if nginx is None:
        text = EXAMPLE.read_text(encoding="utf-8")
        assert text.count("{") == text.count("}")
        return
    (tmp_path / "logs").mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {EXAMPLE};\n}}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_the_nginx_example_keeps_visitors_on_one_server_and_passes_websockets():
    text = EXAMPLE.read_text(encoding="utf-8")
    servers = re.findall(r"^\s*server\s+127\.0\.0\.1:(\d+)", text, re.MULTILINE)
    assert len(set(servers)) >= 2  # several app servers
    assert re.search(r"^\s*ip_hash;", text, re.MULTILINE)  # sticky sessions
    assert "proxy_set_header Upgrade $http_upgrade;" in text  # websockets
    assert "proxy_set_header Connection $connection_upgrade;" in text
    assert "proxy_http_version 1.1;" in text
