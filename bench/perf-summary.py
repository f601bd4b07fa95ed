#!/usr/bin/env python3
"""Summarises `perf script` call chains of one process or thread (bench/diff-profile.sh).

    perf script -i DATA --tid T -F comm,pid,tid,ip,sym,dso | perf-summary.py --kind recon|postgres [--top N]

Each sample is 1 ms of CPU (perf record -e cpu-clock -c 1000000). Prints:
- the CPU milliseconds;
- a breakdown by stage: each sample goes to the first stage whose pattern a frame of its chain
  matches, from the leaf up (so a recv() under libpq's COPY receive counts as COPY receive);
- the top functions by self time (a function Debian strips from PostgreSQL is shown as
  "<unnamed> under F", F its nearest named caller);
- the top named functions by inclusive time (each counted once per sample).
Swift names are demangled with swift-demangle when it is on PATH.
"""
import argparse
import collections
import re
import shutil
import subprocess
import sys

STAGES = {
    "recon": [
        ("start-up (dynamic loading), migrations, connecting", r"^_dl_|^dl_main|^_dl_start|Migrator|PQconnect|connectDBStart|Connection\.init"),
        ("difference writing (JSON, COPY FROM STDIN to results)", r"DifferenceCopyWriter|SuspectPairingSink|CopyInWriter|JSONString|DifferenceJSON|appendEscaped|PQputCopyData|RunStore"),
        ("field comparison", r"FieldComparator"),
        ("key comparison", r"KeyComparator"),
        ("batch hand-off between threads (BatchChannel)", r"BatchChannel"),
        ("merge loop (KeyedMerger, SideCursor)", r"KeyedMerger|SideCursor|SideStreamSource"),
        ("COPY receive (poll and recv system calls, libpq)", r"^__GI___poll$|^__poll$|^__libc_recv$|^__x64_sys_poll$|^__x64_sys_recvfrom$|^tcp_recvmsg|PQgetCopyData|pqGetCopyData|pqReadData|pqsecure"),
        ("COPY line splitting and batch filling", r"CopyText|CopyOutStream|RowBatch\.append|CopyReader"),
    ],
    "postgres": [
        ("type output functions (int8out, textout)", r"^int8out$|^textout$|^OutputFunctionCall$|_out$|^text_to_cstring$|^pg_lltoa$|^pg_ulltoa_n$"),
        ("sort", r"^tuplesort|^qsort|comparetup"),
        ("socket send (pq_*, secure_write, kernel)", r"^secure_write$|^pq_putmessage|^pq_flush|^socket_putmessage|^internal_flush|^sock_sendmsg$|^tcp_sendmsg"),
        ("tuple deforming (slot_getsomeattrs)", r"^slot_getsomeattrs|^slot_deform"),
        ("index scan and heap access (ExecScan and below)", r"^ExecScan$|^index_getnext|^_bt_|^btgettuple$|^heap|^ExecIndexScan|^IndexNext|^ExecSeqScan|^ReadBuffer"),
        ("COPY row output (CopyOneRowTo, CopyAttributeOutText: unnamed, under the executor)", r"^standard_ExecutorRun$|^ExecutorRun$"),
    ],
}


def unnamed(sym):
    return sym in ("[unknown]", "") or re.fullmatch(r"0x[0-9a-f]+", sym) is not None


def samples(stream):
    frames = None
    for line in stream:
        if line.startswith("\t") or line.startswith(" "):
            if frames is not None:
                m = re.match(r"\s*([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$", line)
                if m:
                    sym = re.sub(r"\+0x[0-9a-f]+$", "", m.group(2))
                    frames.append((sym, m.group(3).rsplit("/", 1)[-1]))
        elif line.strip():
            if frames:
                yield frames
            frames = []
        else:
            if frames:
                yield frames
            frames = None
    if frames:
        yield frames


def demangler(names):
    swift = sorted({n for n in names if n.startswith("$s") or n.startswith("_$s")})
    table = {}
    if swift and shutil.which("swift-demangle"):
        out = subprocess.run(["swift-demangle", "--simplified"], input="\n".join(swift) + "\n",
                             capture_output=True, text=True).stdout.splitlines()
        if len(out) == len(swift):
            table = dict(zip(swift, out))
    return lambda n: table.get(n, n)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", choices=sorted(STAGES), required=True)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    chains = list(samples(sys.stdin))
    total = len(chains)
    if total == 0:
        print("  (no samples)")
        return
    names = demangler({s for chain in chains for s, _ in chain})
    stages = [(label, re.compile(pattern)) for label, pattern in STAGES[args.kind]]
    by_stage, self_time, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    for chain in chains:
        named = [(names(s), d) for s, d in chain]
        stage = None
        for s, _ in named:  # leaf first: the first frame matching any stage decides
            if unnamed(s):
                continue
            hit = next((label for label, rx in stages if rx.search(s)), None)
            if hit:
                stage = hit
                break
        by_stage[stage or ("parse, plan, start-up, other" if args.kind == "postgres" else "other (runtime start-up, page faults, …)")] += 1
        leaf, dso = named[0]
        if unnamed(leaf):
            caller = next((s for s, _ in named[1:] if not unnamed(s)), "?")
            leaf = f"<unnamed in {dso}> under {caller}"
        self_time[(leaf, dso)] += 1
        for s in {s for s, _ in named if not unnamed(s)}:
            inclusive[s] += 1

    def pct(n):
        return 100.0 * n / total

    print(f"  CPU: {total} ms")
    print("  by stage (leaf-most matching frame):")
    for label, n in by_stage.most_common():
        print(f"    {pct(n):6.2f}%  {n:6d} ms  {label}")
    print("  top functions, self:")
    for (sym, dso), n in self_time.most_common(args.top):
        print(f"    {pct(n):6.2f}%  {n:6d} ms  {dso[:24]:<24} {sym[:150]}")
    print("  top named functions, inclusive:")
    for sym, n in inclusive.most_common(args.top):
        print(f"    {pct(n):6.2f}%  {n:6d} ms  {sym[:150]}")


if __name__ == "__main__":
    main()
