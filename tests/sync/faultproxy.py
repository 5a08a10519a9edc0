"""A fault-injecting TCP proxy on loopback, written for the tests: latency, a bandwidth cap, stalls,
connection resets mid-request, and responses dropped after the hub has already committed."""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Faults:
    latency_s: float = 0.0  # one way, added to every byte's trip
    bandwidth_bps: float | None = None  # bytes per second, each direction, shared by all connections
    reset_after_bytes: tuple[int, int] | None = None  # a connection is reset after this many bytes (random)
    reset_every_s: tuple[float, float] | None = None  # every live connection is reset this often (random)
    drop_response_p: float = 0.0  # per answer: swallowed and the connection closed, after the hub acted
    stall_p: float = 0.0  # per chunk: the link freezes for `stall_s`
    stall_s: float = 0.0
    seed: int = 7


@dataclass
class Counters:
    bytes_up: int = 0
    bytes_down: int = 0
    connections: int = 0
    resets: int = 0
    dropped_responses: int = 0
    stalls: int = 0


@dataclass
class FaultProxy:
    """`with FaultProxy(upstream_port, Faults(...)) as proxy:` then talk to `proxy.url`."""

    upstream_port: int
    faults: Faults = field(default_factory=Faults)
    counters: Counters = field(default_factory=Counters)
    port: int = 0

    def __post_init__(self) -> None:
        self._random = random.Random(self.faults.seed)
        self._loop = asyncio.new_event_loop()
        self._live: set[asyncio.Task[None]] = set()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._link_free = {True: 0.0, False: 0.0}  # when each direction of the link is next free

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        if self.faults.reset_every_s:
            self._live.add(asyncio.ensure_future(self._periodic_resets()))

    async def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._live):
            task.cancel()

    async def _periodic_resets(self) -> None:
        assert self.faults.reset_every_s is not None
        while True:
            await asyncio.sleep(self._random.uniform(*self.faults.reset_every_s))
            for task in [t for t in self._live if t.get_name().startswith("conn")]:
                task.cancel()

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        task.set_name(f"conn{self.counters.connections}")
        self.counters.connections += 1
        self._live.add(task)
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            _reset(client_writer)
            self._live.discard(task)
            return
        budget = self._random.randint(*self.faults.reset_after_bytes) if self.faults.reset_after_bytes else None
        state = {"budget": budget}
        try:
            await asyncio.gather(self._pump(client_reader, upstream_writer, state, up=True),
                                 self._pump(upstream_reader, client_writer, state, up=False))
        except (asyncio.CancelledError, OSError, _Reset):
            self.counters.resets += 1
        finally:
            _reset(client_writer)
            _reset(upstream_writer)
            self._live.discard(task)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, state: dict[str, int | None],
                    up: bool) -> None:
        """One direction of the link: bytes leave at the link's rate and arrive `latency_s` later, pipelined
        (the delay is not paid once per chunk); an answer may be swallowed and the line cut."""
        in_flight: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        delivery = asyncio.ensure_future(self._deliver(in_flight, writer, up))
        try:
            while data := await reader.read(16384):
                self._faults_for(data, state, up)
                if self.faults.stall_p and self._random.random() < self.faults.stall_p:
                    self.counters.stalls += 1
                    await asyncio.sleep(self.faults.stall_s)
                rate = self.faults.bandwidth_bps
                departed = max(self._link_free[up], time.monotonic()) + (len(data) / rate if rate else 0.0)
                self._link_free[up] = departed  # one link: every connection's bytes queue for the same capacity
                await asyncio.sleep(max(0.0, departed - time.monotonic()))  # the bottleneck's serialisation
                in_flight.put_nowait((departed + self.faults.latency_s, data))
            in_flight.put_nowait(None)
            await delivery
        finally:
            delivery.cancel()

    def _faults_for(self, data: bytes, state: dict[str, int | None], up: bool) -> None:
        if not up and self._random.random() < self.faults.drop_response_p:
            self.counters.dropped_responses += 1
            raise _Reset
        budget = state["budget"]
        if budget is not None:
            if budget <= len(data):
                raise _Reset
            state["budget"] = budget - len(data)

    async def _deliver(self, in_flight: asyncio.Queue[tuple[float, bytes] | None], writer: asyncio.StreamWriter,
                       up: bool) -> None:
        while (item := await in_flight.get()) is not None:
            arrives, data = item
            await asyncio.sleep(max(0.0, arrives - time.monotonic()))
            writer.write(data)
            await writer.drain()
            if up:
                self.counters.bytes_up += len(data)
            else:
                self.counters.bytes_down += len(data)
        if writer.can_write_eof():
            with contextlib.suppress(OSError):
                writer.write_eof()


class _Reset(Exception):
    pass


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST rather than FIN, like a dropped mobile link."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
