#!/usr/bin/env python3
"""The leads benchmark: check, full build, no-change and one-file rebuilds, and Hugo on the same files.

    bench/run.py [--sizes 1000 10000 100000] [--runs 3] [--results bench/results.md]

Content folders are generated once by bench/generate.py into .build-bench/ (git-ignored) and reused.
Each measurement runs the command under /usr/bin/time -v and keeps the median wall time of --runs runs
and the largest peak memory. Results are printed and written as a Markdown table.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
LEADS = os.path.join(ROOT, ".build", "release", "leads")
AS_OF = "2026-11-23"


def run_timed(command, cwd=ROOT):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak MiB)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return elapsed, peak_kib / 1024


def measure(label, command, runs, before=None):
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak = run_timed(command)
        times.append(seconds)
        peaks.append(peak)
    median = statistics.median(times)
    print(f"  {label:<28} {median:8.2f} s   peak {max(peaks):8.0f} MiB", flush=True)
    return {"label": label, "seconds": median, "peak": max(peaks)}


def measure_pairs(label, base, variant, runs, before_base, before_variant):
    """Runs `base` and `variant` alternately, `runs` times each, and keeps the median of the paired
    differences: on a machine whose speed drifts by seconds between minutes, a difference of two
    separate medians measures the drift as much as the work."""
    differences, peaks, variants = [], [], []
    for _ in range(runs):
        before_base()
        base_seconds, _ = run_timed(base)
        before_variant()
        seconds, peak = run_timed(variant)
        differences.append(seconds - base_seconds)
        variants.append(seconds)
        peaks.append(peak)
    difference = statistics.median(differences)
    print(f"  {label:<44} {statistics.median(variants):8.2f} s   adds {difference:6.2f} s   "
          f"peak {max(peaks):6.0f} MiB", flush=True)
    return {"label": label, "seconds": statistics.median(variants), "difference": difference, "peak": max(peaks)}


def lsp_latency(content, keystrokes=20):
    """`leads lsp` on a folder: the time to the initialize answer (the folder read, parsed and
    checked), then the time from each of `keystrokes` edits of one lead to its diagnostics."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "LanguageServer"))
    from pathlib import Path
    from lsp_client import LanguageClient

    workspace = os.path.join(WORK, "lsp-workspace")
    shutil.rmtree(workspace, ignore_errors=True)
    os.makedirs(workspace)
    os.symlink(content, os.path.join(workspace, "content"))
    started = time.perf_counter()
    client = LanguageClient(Path(LEADS), Path(workspace), as_of=AS_OF)
    ready = time.perf_counter() - started
    lead = Path(workspace) / "content" / "leads" / sorted(os.listdir(os.path.join(content, "leads")))[0]
    text = lead.read_text(encoding="utf-8")
    client.open(lead, text, version=1)
    client.diagnostics(lead, timeout=300, version=1)
    latencies = []
    for keystroke in range(keystrokes):
        # One more character typed into the role, as a person types.
        edited = text.replace("role: ", "role: " + "x" * (keystroke + 1), 1)
        typed = time.perf_counter()
        client.change(lead, edited, keystroke + 2)
        client.diagnostics(lead, timeout=60, version=keystroke + 2)
        latencies.append(time.perf_counter() - typed)
    client.close()
    shutil.rmtree(workspace, ignore_errors=True)
    result = {"ready": ready, "median": statistics.median(latencies), "max": max(latencies)}
    print(f"  leads lsp: ready in {ready:.2f} s; keystroke to diagnostics: median {result['median'] * 1000:.0f} ms,"
          f" max {result['max'] * 1000:.0f} ms", flush=True)
    return result


def read_floor(content, runs):
    """The machine's floor for reading the folder: every content file read by two `cat` processes
    at once, each given half of the files; the median of `runs` runs."""
    paths = sorted(os.path.join(d, n) for d, _, names in os.walk(content) for n in names)
    halves = [paths[0::2], paths[1::2]]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        cats = [subprocess.Popen(["xargs", "-0", "cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
                for _ in halves]
        for cat, half in zip(cats, halves):
            cat.stdin.write("\0".join(half).encode())
            cat.stdin.close()
        for cat in cats:
            cat.wait()
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    print(f"  {'floor: read every file (2 cats)':<28} {seconds:8.2f} s", flush=True)
    return {"label": "floor: read every content file, 2 processes", "seconds": seconds, "peak": 0}


def copy_floor(report, runs):
    """The machine's floor for writing the report: `cp -r` of the finished report into a new folder.
    The parse cache beside the pages (as big as the content folder) is set aside first: the floor
    is the report's pages, not what leads keeps for its next build."""
    copy = report + "-copy"
    cache, aside = os.path.join(report, ".leads-parsed"), report + "-parsed-aside"
    if os.path.exists(cache):
        os.rename(cache, aside)
    times = []
    try:
        for _ in range(runs):
            shutil.rmtree(copy, ignore_errors=True)
            started = time.perf_counter()
            subprocess.run(["cp", "-r", report, copy], check=True)
            times.append(time.perf_counter() - started)
    finally:
        if os.path.exists(aside):
            os.rename(aside, cache)
    shutil.rmtree(copy, ignore_errors=True)
    seconds = statistics.median(times)
    print(f"  {'floor: copy the report':<28} {seconds:8.2f} s", flush=True)
    return {"label": "floor: copy the finished report", "seconds": seconds, "peak": 0}


def rebuilds_after_a_save(build, content, runs, edit=None, label="one file changed"):
    """One lead saved, then two builds in a row at once, as `serve` and `--watch` run them: the
    first renders what changed, the second finds nothing to do (the saved file's stamp is not
    trusted within a second of the first build, so it is read again and compared). `edit` saves
    the lead: by default a line added to its notes."""
    first, second, peaks = [], [], []
    for _ in range(runs):
        (edit or touch_one_lead)(content)
        seconds, peak = run_timed(build)
        first.append(seconds)
        peaks.append(peak)
        seconds, peak = run_timed(build)
        second.append(seconds)
        peaks.append(peak)
    after = "the rebuild right after" if label == "one file changed" else "the rebuild right after that"
    rows = [
        {"label": f"leads build ({label})", "seconds": statistics.median(first), "peak": max(peaks)},
        {"label": f"leads build ({after})", "seconds": statistics.median(second), "peak": max(peaks)},
    ]
    for r in rows:
        print(f"  {r['label']:<28} {r['seconds']:8.2f} s   peak {r['peak']:8.0f} MiB", flush=True)
    return rows


def targets(rows):
    """Issue 18's targets, each with the measured value and PASS or FAIL; sizes not run are left out."""
    by_size = {size: {r["label"]: r for r in results} for size, _, results in rows}
    lines = []

    def target(text, value, limit, unit=""):
        verdict = "PASS" if value <= limit else "FAIL"
        lines.append(f"| {text} | {value:.2f}{unit} | {limit:.2f}{unit} | {verdict} |")

    ten = by_size.get(10000)
    if ten:
        full = ten["leads build (full)"]["seconds"]
        read = ten["floor: read every content file, 2 processes"]["seconds"]
        copy = ten["floor: copy the finished report"]["seconds"]
        if "hugo (same files)" in ten:
            target("10k: full build / Hugo", full / ten["hugo (same files)"]["seconds"], 0.2)
        target("10k: full build / (read floor + copy floor)", full / (read + copy), 2.0)
        target("10k: check / read floor", ten["leads check"]["seconds"] / read, 1.5)
        for label in ("leads build (one file changed)", "leads build (the rebuild right after)",
                      "leads build (one lead's temperature changed)", "leads build (the rebuild right after that)"):
            target(f"10k: {label[len('leads build ('):-1]}", ten[label]["seconds"], 0.5, " s")
            target(f"10k: {label[len('leads build ('):-1]} / full build", ten[label]["seconds"] / full, 0.03)
        target("10k: no-change rebuild", ten["leads build (no change)"]["seconds"], 0.3, " s")
        target("10k: peak memory of leads (MiB)", max(r["peak"] for k, r in ten.items() if k.startswith("leads")), 500)
    hundred = by_size.get(100000)
    if ten and hundred:
        for label in ("leads build (full)", "leads check"):
            target(f"100k / 10k: {label}", hundred[label]["seconds"] / ten[label]["seconds"], 12)
        target("100k: peak memory of leads (MiB)",
               max(r["peak"] for k, r in hundred.items() if k.startswith("leads")), 4096)
    return lines


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def ensure_content(size):
    folder = os.path.join(WORK, f"content-{size}")
    if not os.path.isdir(folder):
        print(f"generating {size} leads into {folder}", flush=True)
        partial = folder + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "--leads", str(size),
                        "--out", partial], check=True)
        os.rename(partial, folder)
    return folder


def history_repository(size, commits):
    """A git repository of the generated content with `commits` more commits, each moving one lead to
    another stage (authored a day apart), made with `git fast-import` in seconds; checked out."""
    repo = os.path.join(WORK, f"history-{size}-{commits}")
    if os.path.isdir(os.path.join(repo, ".git")):
        return os.path.join(repo, "content")
    content = ensure_content(size)
    shutil.rmtree(repo, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    files = []
    for folder, _, names in os.walk(content):
        for name in names:
            path = os.path.join(folder, name)
            files.append((os.path.relpath(path, content), open(path, "rb").read()))
    files.sort()
    leads = [(p, b) for p, b in files if p.startswith("leads/")]
    stages = [b"DISCOVERY", b"WAKING_UP", b"WARM_LEAD", b"REFERRAL_SECURED"]
    start = 1767225600 - commits * 3600  # an hour apart, ending 2026-01-01

    def data(blob):
        return b"data %d\n" % len(blob) + blob + b"\n"

    stream = [b"commit refs/heads/main\n", b"author Bench <bench@example.com> %d +0000\n" % start,
              b"committer Bench <bench@example.com> %d +0000\n" % start, data(b"Generated content")]
    for path, blob in files:
        stream += [b"M 100644 inline content/" + path.encode() + b"\n", data(blob)]
    for n in range(commits):
        path, blob = leads[n % len(leads)]
        new_stage = stages[(n // len(leads) + 1) % len(stages)]
        lines = blob.split(b"\n")
        lines = [b"status: " + new_stage if line.startswith(b"status: ") else line for line in lines]
        when = start + (n + 1) * 3600
        stream += [b"commit refs/heads/main\n", b"author Bench <bench@example.com> %d +0000\n" % when,
                   b"committer Bench <bench@example.com> %d +0000\n" % when, data(b"Move " + path.encode()),
                   b"M 100644 inline content/" + path.encode() + b"\n", data(b"\n".join(lines))]
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", repo, "checkout", "-q", "-f", "main"], check=True)
    return os.path.join(repo, "content")


def touch_one_lead(folder):
    """Appends a line to one lead's notes, so exactly one file changes between two builds."""
    path = os.path.join(folder, "leads", "l000001.md")
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nEdited for the benchmark.\n")


def warm_one_lead(folder):
    """Changes one lead's temperature (a front-matter field the board, lists and report.json show)."""
    path = os.path.join(folder, "leads", "l000002.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new in (("temperature: WARM", "temperature: HOT"), ("temperature: HOT", "temperature: COLD"),
                     ("temperature: COLD", "temperature: WARM")):
        if old in text:
            text = text.replace(old, new, 1)
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*: (.*)", f.read()).group(1)
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=1,
                        help="runs for sizes of 100k leads and more, whose full build takes minutes")
    parser.add_argument("--hugo-sizes", type=int, nargs="*", default=[1000, 10000],
                        help="sizes Hugo also builds: at 100k leads (a million files) it needs more memory "
                             "than this machine has (3.5 GiB at 10k leads, growing linearly)")
    parser.add_argument("--results", default=os.path.join(ROOT, "bench", "results.md"))
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--history", type=int, nargs=2, default=[10000, 20000], metavar=("LEADS", "COMMITS"),
                        help="the git history pass: a repository of LEADS leads and COMMITS commits (0 0 to skip)")
    parser.add_argument("--lsp", type=int, default=10000, metavar="LEADS",
                        help="the language server's keystroke-to-diagnostics time on LEADS leads (0 to skip)")
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "leads"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    hugo = shutil.which("hugo")
    if not args.no_hugo and not hugo:
        sys.exit("hugo is missing: run `make bench` (it installs it) or pass --no-hugo")
    os.makedirs(WORK, exist_ok=True)
    print(f"machine: {machine()}")
    rows = []
    for size in args.sizes:
        content = ensure_content(size)
        files = count_files(content)
        output = os.path.join(WORK, f"output-{size}")
        print(f"{size} leads, {files} files", flush=True)

        def clean():
            shutil.rmtree(output, ignore_errors=True)

        build = [LEADS, "build", "--content", content, "--output", output, "--as-of", AS_OF]
        runs = args.runs if size < 100000 else args.large_runs
        results = [
            read_floor(content, runs),
            measure("leads check", [LEADS, "check", "--content", content, "--as-of", AS_OF], runs),
            measure("leads build (full)", build, runs, before=clean),
            copy_floor(output, runs),
            measure("leads build (no change)", build, runs),
            *rebuilds_after_a_save(build, content, runs),
            *rebuilds_after_a_save(build, content, runs, warm_one_lead, "one lead's temperature changed"),
        ]
        if not args.no_hugo and size in args.hugo_sizes:
            hugo_out = os.path.join(WORK, f"hugo-{size}")
            results.append(measure(
                "hugo (same files)",
                [hugo, "--quiet", "--source", os.path.join(ROOT, "bench", "hugo"), "--contentDir", content,
                 "--destination", hugo_out, "--cacheDir", os.path.join(WORK, "hugo-cache")],
                args.runs, before=lambda: shutil.rmtree(hugo_out, ignore_errors=True)))
        rows.append((size, files, results))

    history_rows = []
    if args.history[0] > 0:
        size, commits = args.history
        content = history_repository(size, commits)
        output = os.path.join(WORK, f"output-history-{size}")
        build = [LEADS, "build", "--content", content, "--output", output, "--as-of", AS_OF]
        print(f"{size} leads in git with {commits} commits", flush=True)
        clean = lambda: shutil.rmtree(output, ignore_errors=True)
        cache = os.path.join(content, ".leads", "history")

        def uncached():
            clean()
            if os.path.exists(cache):
                os.remove(cache)

        moves = iter(range(10 ** 6))

        def new_commit():
            # One more commit moving a lead, as a person would between two builds.
            clean()
            n = next(moves)
            lead = sorted(os.listdir(os.path.join(content, "leads")))[n]
            path = os.path.join(content, "leads", lead)
            text = open(path, encoding="utf-8").read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace("temperature: COLD", "temperature: WARM", 1)
                        if "temperature: COLD" in text else text + "\nMoved on.\n")
            repo = os.path.dirname(content)
            subprocess.run(["git", "-C", repo, "commit", "-q", "-am", f"Edit {lead}"], check=True,
                           env={**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@x",
                                "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@x"})

        base = build + ["--no-git"]
        history_rows = [
            measure("leads build (full, --no-git)", base, args.runs, before=clean),
            measure_pairs("leads build (full, history read, no cache)", base, build, args.runs, clean, uncached),
            measure_pairs("leads build (full, history cached)", base, build, args.runs, clean, clean),
            measure_pairs("leads build (full, one commit since the cache)", base, build, args.runs, clean, new_commit),
            measure("leads build (no change, history read)", build, args.runs),
        ]

    lsp = lsp_latency(ensure_content(args.lsp)) if args.lsp > 0 else None

    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. Generated by `bench/run.py --runs {args.runs}` on "
        f"{time.strftime('%Y-%m-%d')}; wall time is the median of {args.runs} runs ({args.large_runs} from "
        f"100k leads up), memory the peak RSS. Hugo builds the sizes {', '.join(map(str, args.hugo_sizes))}.",
        "",
        "| leads | files | work | wall (s) | files/s | peak (MiB) |",
        "|---:|---:|---|---:|---:|---:|",
    ]
    goals = targets(rows)
    if goals:
        lines[4:4] = ["Issue 18's targets, measured in this run:", "",
                      "| target | measured | limit | |", "|---|---:|---:|---|", *goals, ""]
    for size, files, results in rows:
        for r in results:
            lines.append(f"| {size} | {files} | {r['label']} | {r['seconds']:.2f} | "
                         f"{files / r['seconds']:.0f} | {r['peak']:.0f} |")
        by_label = {r["label"]: r for r in results}
        if "hugo (same files)" in by_label:
            ratio = by_label["leads build (full)"]["seconds"] / by_label["hugo (same files)"]["seconds"]
            lines.append(f"| {size} | {files} | **leads / hugo (full build)** | {ratio:.2f} | | |")
    if history_rows:
        size, commits = args.history
        lines += ["", f"The git history pass ({size} leads, {commits} commits touching leads, one `git log` and one "
                  "`git cat-file --batch` per build):", "", "| work | wall (s) | peak (MiB) |", "|---|---:|---:|"]
        for r in history_rows:
            lines.append(f"| {r['label']} | {r['seconds']:.2f} | {r['peak']:.0f} |")
        for label, row in (("no cache", 1), ("cached", 2), ("one new commit", 3)):
            difference = history_rows[row]["difference"]
            verdict = "PASS" if difference < 3 else "FAIL"
            lines.append(f"| **history pass, {label}** (median of paired differences with `--no-git`; "
                         f"target < 3 s: {verdict}) | {difference:.2f} | |")
    if lsp:
        verdict = "PASS" if lsp["median"] < 0.2 else "FAIL"
        lines += ["", f"`leads lsp` on {args.lsp} leads: the initialize answer (folder read, parsed and checked) "
                  f"after {lsp['ready']:.2f} s; from a keystroke in one lead to its diagnostics, median "
                  f"{lsp['median'] * 1000:.0f} ms, slowest {lsp['max'] * 1000:.0f} ms of 20 (target < 200 ms: "
                  f"{verdict})."]
    text = "\n".join(lines) + "\n"
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
