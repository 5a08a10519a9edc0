"""An S3-protocol server on loopback for the tests: moto's server mode (an emulator of the protocol, run as
its own process and spoken to over real HTTP), with a bucket per test."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from tests.conftest import _free_port

CREDENTIALS = {"aws_access_key_id": "counter-test", "aws_secret_access_key": "counter-test-secret",
               "region_name": "us-east-1"}
_buckets = itertools.count()


@contextmanager
def s3_server() -> Iterator[str]:
    """The endpoint URL of a fresh S3-protocol server process."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the S3 server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def client(endpoint: str) -> Any:
    import boto3  # noqa: PLC0415

    return boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS)


def new_bucket(endpoint: str) -> str:
    name = f"counter-hub-{next(_buckets)}-{time.monotonic_ns() % 10**9}"
    client(endpoint).create_bucket(Bucket=name)
    return name
