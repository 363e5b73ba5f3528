"""Benchmark 7: how long each command takes to answer `--help`, by this checkout and by another, in turn.

Every command imports its module before it reads its arguments, so this is what any run of it pays before it starts
work. Run it with `--other` naming a checkout of the code before a change (`git worktree add /tmp/before COMMIT`).
Each round runs every command once with each checkout, alternating which goes first, each in a fresh Python; the
ratio is of the mean seconds, measured side by side.
"""
import argparse, statistics, sys, time
from pathlib import Path
from _record import commit_of, in_turn, provenance, run_in, write_runs
from mnist_nb.plumbing import COMMANDS

CHILD = 'import sys; from mnist_nb.plumbing import run_command; run_command(sys.argv[1], ["--help"])'

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--other', required=True, help='another checkout of the project: its mnist_nb/ is imported instead of this one')
p.add_argument('--rounds', type=int, default=3)
p.add_argument('--save', help="write both checkouts' times, this checkout's commit, the other's and the machine to this JSON file")
a = p.parse_args()

def seconds(checkout:Path, name:str)->float:
    "Wall-clock seconds of `mnist_nb_NAME --help` in a fresh Python that imports mnist_nb from `checkout`."
    start = time.perf_counter()
    out = run_in(checkout, CHILD, name)
    took = time.perf_counter() - start
    if out.returncode or 'usage:' not in out.stdout: sys.exit(f'{checkout}: mnist_nb_{name} --help failed: {out.stderr.strip()[-500:]}')
    return took

here, other = Path(__file__).resolve().parent.parent, Path(a.other).resolve()
other_commit = commit_of(other)
runs = []
for r in range(a.rounds):
    for name in COMMANDS:
        for checkout in in_turn(r, here, other):
            runs.append(dict(checkout='this' if checkout == here else 'other', command=name, seconds=seconds(checkout, name)))
            print(f"round {r+1}, mnist_nb_{name} --help, {runs[-1]['checkout']:5s} checkout: {runs[-1]['seconds']:.2f} s", flush=True)
    if a.save: write_runs(a.save, runs, **provenance(), other_commit=other_commit)   # after every round: an interrupted run keeps what it measured
mean = lambda who, name: statistics.mean(r['seconds'] for r in runs if r['checkout'] == who and r['command'] == name)
for name in COMMANDS:
    print(f"mnist_nb_{name} --help: {mean('this', name):.2f} s here, {mean('other', name):.2f} s in {other_commit}: {mean('this', name)/mean('other', name):.2f}x")
