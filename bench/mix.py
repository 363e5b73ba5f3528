"""Benchmark 9: ensembles whose members come from different recipes, against ensembles of one recipe, at equal size.

Reads cross-validations saved by `bench/ensemble.py --save` (each one recipe, one or more seeds; all on the same rows and
folds, which is checked) and forms every ensemble of `--size` of their models, fold by fold: out-of-fold accuracy,
plainly and through the views, of each model alone, of the ensembles drawn from one recipe and of those drawn from several, and of the
ensemble of every model. Nothing is trained: it takes seconds. `--record` adds the figures to a JSON file of runs
(bench/results/mixed.json, read by nbs/10_speed.ipynb).
"""
import argparse
from dataclasses import asdict
from itertools import combinations
from pathlib import Path
import numpy as np
from mnist_nb.crossval import CrossValidation
from _record import provenance, read_runs, write_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('saved', nargs='+', help='runs saved by bench/ensemble.py --save (PATH, without .npz/.json)')
p.add_argument('--names', nargs='+', help="a name for each run, such as its --recipe (default: the file's name)")
p.add_argument('--size', type=int, default=3, help='models in each ensemble')
p.add_argument('--record', help='add the figures to this JSON file of runs, keeping the runs already there')
a = p.parse_args()
names = a.names or [Path(s).name for s in a.saved]
if len(names) != len(a.saved): raise SystemExit(f'mix.py: give one name per saved run ({len(a.saved)}), not {len(names)}')

cvs = [CrossValidation.load(s) for s in a.saved]
for s, cv in zip(a.saved[1:], cvs[1:]):
    if not (np.array_equal(cv.labels, cvs[0].labels) and np.array_equal(cv.folds, cvs[0].folds)):
        raise SystemExit(f'mix.py: {s} was cross-validated on other rows or folds than {a.saved[0]}: its models cannot be mixed with them')
views = sorted(set.intersection(*(set(cv.probs) for cv in cvs)))
members = [(n, s) for n, cv in zip(names, cvs) for s in cv.seeds]            # (recipe, seed) of every model
probs = {v: np.concatenate([cv.probs[v] for cv in cvs]) for v in views}      # models × rows × 10
labels = cvs[0].labels
def accuracy(v, pick): return float((probs[v][list(pick)].mean(0).argmax(1) == labels).mean())

groups = {'one recipe': [], 'mixed': []}
for pick in combinations(range(len(members)), a.size):
    groups['one recipe' if len({members[i][0] for i in pick}) == 1 else 'mixed'].append(
        dict(members=[list(members[i]) for i in pick], **{v: accuracy(v, pick) for v in views}))
every = {v: accuracy(v, range(len(members))) for v in views}
alone = [dict(members=[list(m)], **{v: accuracy(v, [i]) for v in views}) for i, m in enumerate(members)]   # each model by itself

print(f'{len(members)} models of {len(cvs)} recipes ({", ".join(names)}), {len(labels):,} rows')
for m in alone: print(f"  {m['members'][0][0]} seed {m['members'][0][1]} alone: " + ', '.join(f'{v} {m[v]:.4%}' for v in views))
print(f'ensembles of {a.size}:')
for g, runs in groups.items():
    if runs: print(f'  {g:10s} {len(runs):3d} ensembles: ' + ', '.join(
        f'{v} {np.mean([r[v] for r in runs]):.4%} (min {min(r[v] for r in runs):.4%}, max {max(r[v] for r in runs):.4%})' for v in views))
print(f'  all {len(members)} models together: ' + ', '.join(f'{v} {every[v]:.4%}' for v in views))
if a.record:
    runs = read_runs(a.record)
    runs.append(dict(names=names, recipes=[asdict(cv.recipe) for cv in cvs], **provenance(), rows=len(labels), size=a.size, views=views,
                     ensembles=groups, every=every, alone=alone))
    write_runs(a.record, runs)
    print('recorded in', a.record)
