#!/usr/bin/env python3
"""Slow-headers (or slow-body) flood against a server on 127.0.0.1, bounded in connections and time.

Opens N connections that send a request line and never finish their headers (one more header line every few
seconds keeps them busy), or with --slow-body BYTES a webhook POST whose headers declare BYTES of body and whose body
then trickles in a byte at a time (the request reaches the app before its body: what the app holds for it per
connection is what the flood costs), holds them for --hold seconds, probes /health once a second meanwhile (on a keep-alive
connection opened before the flood, and on a fresh connection), and reports the server's RSS from
/proc/<pid>/status before, during and after, and whether the process survived.
"""
import argparse
import asyncio
import os
import sys
import time

MAX_CONNECTIONS = 18000  # under this machine's 20,000 descriptors per process
MAX_HOLD = 120


def memory(pid):
    """VmRSS and VmHWM in MB, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
    except FileNotFoundError:
        return None
    return {key: int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM")}


def alive(pid):
    return memory(pid) is not None


async def health(port, reader_writer=None, timeout=2.0):
    """GET /health; on the given keep-alive connection or a fresh one. Returns the status code or an error name."""
    try:
        if reader_writer is None:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
        else:
            reader, writer = reader_writer
        # The Host header carries the port, as HTTP clients and load balancer probes send it.
        writer.write(f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode("ascii"))
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        length = 0
        chunked = False
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
            chunked |= line.lower() == b"transfer-encoding: chunked"
        # The whole body is read, or its rest would be taken for the next answer's head on the keep-alive connection.
        if chunked:
            await asyncio.wait_for(reader.readuntil(b"0\r\n\r\n"), timeout)
        elif length:
            await asyncio.wait_for(reader.readexactly(length), timeout)
        if reader_writer is None:
            writer.close()
        return int(head.split(b" ", 2)[1])
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as error:
        return type(error).__name__


class Flood:
    def __init__(self, port, hold, slow_body=None, path="/viber/webhook"):
        self.port = port
        self.slow_body = slow_body
        self.path = path
        self.deadline = time.monotonic() + hold
        self.open = 0
        self.opened = 0
        self.failed_to_open = 0
        self.closed_by_server = 0

    async def connect(self):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", self.port), 10)
            if self.slow_body:
                writer.write(f"POST {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             f"Content-Length: {self.slow_body}\r\n\r\n{{".encode("ascii"))
            else:
                writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            await writer.drain()
        except (OSError, asyncio.TimeoutError):
            self.failed_to_open += 1
            return None
        self.opened += 1
        return asyncio.ensure_future(self.hold(reader, writer))

    async def open_all(self, count, batch=250):
        """Opens the connections a batch at a time, so the probes keep running while they pile up."""
        holders = []
        for start in range(0, count, batch):
            if time.monotonic() >= self.deadline:
                break
            opened = await asyncio.gather(*(self.connect() for _ in range(min(batch, count - start))))
            holders.extend(task for task in opened if task is not None)
        await asyncio.gather(*holders, return_exceptions=True)

    async def hold(self, reader, writer):
        self.open += 1
        try:
            while time.monotonic() < self.deadline:
                # A read that ends means the server closed the connection (limit reached, header timeout).
                try:
                    data = await asyncio.wait_for(reader.read(1024), min(5, max(0.1, self.deadline - time.monotonic())))
                    if not data:
                        self.closed_by_server += 1
                        return
                except asyncio.TimeoutError:
                    writer.write(b" " if self.slow_body else b"X-Slow: 1\r\n")
                    await writer.drain()
        except OSError:
            self.closed_by_server += 1
        finally:
            self.open -= 1
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--connections", type=int, default=15000)
    parser.add_argument("--hold", type=int, default=30)
    parser.add_argument("--health-port", type=int, help="probe /health on this port (a separate listener); default --port")
    parser.add_argument("--slow-body", type=int, help="POST the webhook declaring this many body bytes, then trickle them")
    parser.add_argument("--path", default="/viber/webhook", help="the webhook path, for --slow-body")
    args = parser.parse_args()
    probe_port = args.health_port or args.port
    connections = min(args.connections, MAX_CONNECTIONS)
    hold = min(args.hold, MAX_HOLD)

    before = memory(args.pid)
    keep_alive = await asyncio.open_connection("127.0.0.1", probe_port)
    print(f"before: {before}, /health {await health(probe_port, keep_alive)} (keep-alive), {await health(probe_port)} (fresh)")

    flood = Flood(args.port, hold, args.slow_body, args.path)
    opener = asyncio.ensure_future(flood.open_all(connections))
    probes = {"keep-alive": [], "fresh": []}
    peak = before
    started = time.monotonic()
    while time.monotonic() < flood.deadline and alive(args.pid):
        await asyncio.sleep(1)
        probes["keep-alive"].append(await health(probe_port, keep_alive))
        probes["fresh"].append(await health(probe_port))
        now = memory(args.pid)
        if now:
            peak = now
        print(f"t={time.monotonic() - started:4.0f}s open={flood.open} opened={flood.opened} closed_by_server={flood.closed_by_server} "
              f"failed_to_open={flood.failed_to_open} rss={now} health keep-alive={probes['keep-alive'][-1]} fresh={probes['fresh'][-1]}", flush=True)
    opener.cancel()
    await asyncio.gather(opener, return_exceptions=True)

    # Give the server a few seconds to notice the closed sockets before the last reading.
    await asyncio.sleep(5)
    after = memory(args.pid)
    survived = after is not None
    ok = {name: sum(1 for p in values if p == 200) for name, values in probes.items()}
    final = await health(probe_port) if survived else "process gone"
    print(f"during: last {peak}; /health 200s keep-alive {ok['keep-alive']}/{len(probes['keep-alive'])}, "
          f"fresh {ok['fresh']}/{len(probes['fresh'])}")
    print(f"after: {after}, /health {final} (fresh); survived={survived}")
    return 0 if survived else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
