#!/usr/bin/env python3
"""The targets of issue 5 against a make bench run: reads the results table
(argv[1], markdown as bench/run.sh prints it) and key=value lines on stdin
(ready_ms@BACKEND, peak_mb@BACKEND, import_ms, web_bytes, render_ms; a key
may repeat, the worst counts; the targets are SQLite's but for the
PostgreSQL-within-2x one), prints a markdown table: target, measured, met."""
import sys


def rows(path):
    out = []
    for line in open(path, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 8 or cells[0] in ("backend", "---") or cells[0].startswith("-"):
            continue
        b, name, rps, p50, p99, bad, nrps, pct = cells
        out.append(dict(backend=b, name=name, rps=float(rps), p99=float(p99),
                        bad=int(bad), pct=None if pct == "—" else float(pct.rstrip("%")),
                        write=nrps == "—"))
    return out


def facts():
    f = {}
    for line in sys.stdin:
        k, _, v = line.strip().partition("=")
        if k and v:
            f.setdefault(k, []).append(float(v))
    return f


def main():
    t = rows(sys.argv[1])
    f = facts()
    lines = ["| target | measured | met |", "|---|---|---|"]

    def add(target, measured, ok):
        lines.append(f"| {target} | {measured} | {'yes' if ok else '**no**'} |")

    for backend in ("SQLite", "SQLite, no cache"):
        reads = [r for r in t if r["backend"] == backend and not r["write"]]
        if not reads:
            continue
        worst = min(reads, key=lambda r: r["rps"])
        slow = max(reads, key=lambda r: r["p99"])
        low = min(reads, key=lambda r: r["pct"])
        tag = "" if backend == "SQLite" else " (answer cache off)"
        add(f"SQLite reads ≥ 5,000 req/s{tag}", f"lowest {worst['rps']:.0f} ({worst['name']})",
            worst["rps"] >= 5000 and all(r["bad"] == 0 for r in reads))
        add(f"SQLite reads p99 ≤ 20 ms{tag}", f"highest {slow['p99']:.2f} ms ({slow['name']})",
            slow["p99"] <= 20)
        add(f"SQLite reads ≥ 30% of nginx{tag}", f"lowest {low['pct']:.0f}% ({low['name']})",
            low["pct"] >= 30)
    for b in ("SQLite", "PostgreSQL"):
        w = [r for r in t if r["backend"] == b and r["write"]]
        if w:
            add(f"{b} report submissions ≥ 500/s, durable", f"{w[0]['rps']:.0f}/s",
                w[0]["rps"] >= 500 and w[0]["bad"] == 0)
    for tag, sb, pb in (("", "SQLite", "PostgreSQL"),
                        (" (answer cache off)", "SQLite, no cache", "PostgreSQL, no cache")):
        s = {r["name"]: r for r in t if r["backend"] == sb and not r["write"]}
        p = {r["name"]: r for r in t if r["backend"] == pb and not r["write"]}
        common = [n for n in s if n in p]
        if common:
            n = max(common, key=lambda n: s[n]["rps"] / max(p[n]["rps"], 1))
            ratio = s[n]["rps"] / max(p[n]["rps"], 1)
            add(f"PostgreSQL within 2× of SQLite on reads{tag}",
                f"worst {ratio:.1f}× ({n})", ratio <= 2)
    if "import_ms" in f:
        v = max(f["import_ms"])
        add("1,000,000 enterprises imported ≤ 10 s", f"{v / 1000:.1f} s", v <= 10000)
    for b in ("SQLite", "SQLite, no cache", "PostgreSQL", "PostgreSQL, no cache"):
        v = f.get("peak_mb@" + b)
        if v:
            judged = b.startswith("SQLite")
            lines.append(f"| resident memory ≤ 64 MB under load ({b}) | {max(v):.0f} MB | "
                         + (("yes" if max(v) <= 64 else "**no**") if judged else "— (target is SQLite's)")
                         + " |")
    for b in ("SQLite", "PostgreSQL"):
        v = f.get("ready_ms@" + b)
        if v:
            lines.append(f"| ready ≤ 200 ms after start ({b}) | {max(v):.0f} ms | "
                         + (("yes" if max(v) <= 200 else "**no**") if b == "SQLite" else "— (target is SQLite's)")
                         + " |")
    if "web_bytes" in f:
        v = max(f["web_bytes"])
        add("initial web bytes ≤ 400 KB gzipped", f"{v / 1024:.0f} KB", v <= 400 * 1024)
    if "render_ms" in f:
        v = max(f["render_ms"])
        add("cockpit rendered ≤ 1.5 s cold", f"{v:.0f} ms", v <= 1500)
    print("\n".join(lines))


main()
