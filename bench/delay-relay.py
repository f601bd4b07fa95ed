#!/usr/bin/env python3
"""A TCP relay that adds a fixed one-way delay in each direction (bench/checksum-bench.sh).

Used only where the kernel has no netem qdisc (`tc qdisc … netem` answers "Specified qdisc kind
is unknown"): the link's rate is then set by tbf on the veth pair, and its delay by this relay,
which listens on 127.0.0.1 and forwards every connection to TARGET_HOST:TARGET_PORT (the far
server inside the network namespace). Each chunk read from one end is written to the other end
DELAY after it arrived, in order, so a request/response round trip takes 2 × DELAY more, as
netem on both veth ends would make it. At most BUFFER bytes wait per direction (backpressure).

    delay-relay.py PORT_FILE TARGET_HOST TARGET_PORT DELAY [MAX_SECONDS]

DELAY like 10ms, 500us, 0.2s. Writes its listening port to PORT_FILE once ready; exits by itself
after MAX_SECONDS (default 7200).
"""
import asyncio
import re
import sys

BUFFER = 8 * 1024 * 1024


def seconds(text):
    match = re.fullmatch(r"([0-9.]+)\s*(us|usec|ms|msec|s|sec)?", text.strip())
    if not match:
        raise SystemExit(f"delay-relay: unreadable delay {text!r}")
    scale = {"us": 1e-6, "usec": 1e-6, "ms": 1e-3, "msec": 1e-3, "s": 1.0, "sec": 1.0, None: 1e-3}[match.group(2)]
    return float(match.group(1)) * scale


async def pump(reader, writer, delay):
    """Copies reader to writer, each chunk DELAY late; half-closes writer at the end."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    queued = 0
    room = asyncio.Condition()

    async def send():
        nonlocal queued
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                if writer.can_write_eof():
                    writer.write_eof()
                return
            writer.write(data)
            await writer.drain()
            async with room:
                queued -= len(data)
                room.notify_all()

    sender = asyncio.create_task(send())
    try:
        while True:
            data = await reader.read(256 * 1024)
            queue.put_nowait((loop.time() + delay, data or None))
            if not data:
                break
            async with room:
                queued += len(data)
                await room.wait_for(lambda: queued < BUFFER)
        await sender
    except (ConnectionError, OSError):
        sender.cancel()


async def main():
    port_file, host, port, delay_text = sys.argv[1:5]
    max_seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 7200.0
    delay = seconds(delay_text)

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pump(client_reader, server_writer, delay), pump(server_reader, client_writer, delay),
                             return_exceptions=True)
        for writer in (client_writer, server_writer):
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    with open(port_file, "w") as out:
        out.write(f"{server.sockets[0].getsockname()[1]}\n")
    async with server:
        try:
            await asyncio.wait_for(server.serve_forever(), timeout=max_seconds)
        except asyncio.TimeoutError:
            pass


if __name__ == "__main__":
    asyncio.run(main())
