"""Session fixtures for the production tests: see processes.py for what they start."""

from urllib.parse import urlsplit, urlunsplit

import pytest

from .processes import RedisServer, Server, TcpProxy, postgres_url


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def database_proxy():
    """A proxy in front of the machine's PostgreSQL, in the forwarding state."""
    target = urlsplit(postgres_url("serve"))
    proxy = TcpProxy((target.hostname or "127.0.0.1", target.port or 5432))
    proxy.restore()
    yield proxy
    proxy.cut()


@pytest.fixture(scope="session")
def served(tmp_path_factory, redis_server, database_proxy):
    """scripts/serve (gunicorn, production settings, 2 workers) on PostgreSQL through the
    proxy and on our own Redis; stopped (and checked to stop cleanly) at the end."""
    parts = urlsplit(postgres_url("serve"))
    via_proxy = urlunsplit(
        parts._replace(netloc=parts.netloc.rsplit("@", 1)[0] + f"@127.0.0.1:{database_proxy.port}")
        if "@" in parts.netloc
        else parts._replace(netloc=f"127.0.0.1:{database_proxy.port}")
    )
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    server = Server(database_url=via_proxy, redis_url=redis_server.url, log=log)
    server.start()
    yield server
    server.stop()
