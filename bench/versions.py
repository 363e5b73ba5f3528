"""Benchmark 6: one recipe trained by two checkouts of mnist_nb in turn, on the same data and seed: accuracy and time.

For a change that should alter neither (a refactoring, say): run it with `--other` naming a checkout of the code
before the change (`git worktree add /tmp/before COMMIT`). Each round trains once with this checkout and once with
the other, alternating, in fresh processes; the time ratio is of the mean seconds, measured side by side.
"""
import argparse, json, statistics, sys
from pathlib import Path
from _record import commit_of, in_turn, provenance, run_in, write_runs

CHILD = '''import json, sys
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, get_recipe
x, y = read_digits(find_data(sys.argv[1] or None, need=('train',), sample=False).train)
_, h = fit(get_recipe(sys.argv[2]), prepare_data(x, y), seed=int(sys.argv[3]), log=None)
print(json.dumps(dict(acc=h['valid_acc'][-1], seconds=h['seconds'][-1])))'''

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--other', required=True, help='another checkout of the project: its mnist_nb/ is imported instead of this one')
p.add_argument('--data', default='', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipe', default='fast', help="a recipe both checkouts know: fast or best (mnist_nb 0.0.1 called 'original' 'seed')")
p.add_argument('--seed', type=int, default=0)
p.add_argument('--rounds', type=int, default=2)
p.add_argument('--save', help="write both checkouts' runs, this checkout's commit, the other's and the machine to this JSON file")
a = p.parse_args()

def run(checkout:Path)->dict:
    "Train in a fresh Python that imports mnist_nb from `checkout`."
    out = run_in(checkout, CHILD, a.data, a.recipe, str(a.seed))
    if out.returncode: sys.exit(f'{checkout}: {out.stderr.strip().splitlines()[-1]}')
    return json.loads(out.stdout.strip().splitlines()[-1])

here, other = Path(__file__).resolve().parent.parent, Path(a.other).resolve()
other_commit = commit_of(other)
runs = {here: [], other: []}
for r in range(a.rounds):
    for checkout in in_turn(r, here, other):
        runs[checkout].append(run(checkout))
        print(f"round {r+1}, {'this checkout ' if checkout == here else 'other checkout'}: {runs[checkout][-1]['acc']:.4%} in {runs[checkout][-1]['seconds']:.1f} s", flush=True)
        if a.save:   # after every run, so that an interrupted benchmark keeps what it measured
            write_runs(a.save, [dict(checkout='this' if c == here else 'other', **rr) for c, rs in runs.items() for rr in rs],
                       **provenance(), other_commit=other_commit, recipe=a.recipe, seed=a.seed)
acc = {c: {rr['acc'] for rr in rs} for c, rs in runs.items()}
secs = {c: statistics.mean(rr['seconds'] for rr in rs) for c, rs in runs.items()}
print(f"\nrecipe {a.recipe}, seed {a.seed}: validation accuracy {sorted(acc[here])} here, {sorted(acc[other])} in {other}")
print(f"mean training time {secs[here]:.1f} s here, {secs[other]:.1f} s there: {secs[here]/secs[other]:.3f}x")
