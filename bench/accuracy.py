"""Benchmark 3: validation accuracy of each recipe over several seeds (mean ± std).

A recipe is a name, optionally with fields changed: `fast`, `fast:elastic=34`, `fast:ema=0.999,epochs=10`, so
that one change at a time is measured against the recipe it changes, side by side in one run.
On 4,200 validation images one image is 0.024%, so differences under about 0.05% are noise.
"""
import argparse, statistics
from dataclasses import asdict
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, parse_recipe
from _record import provenance, read_runs, write_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipes', nargs='+', default=['fast', 'best'], help='names, each optionally with changes: fast:elastic=34')
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
p.add_argument('--save', help='write every run (recipe, seed, accuracy, seconds, history) to this JSON file')
p.add_argument('--append', action='store_true', help="keep the runs already in SAVE, adding this run's (a seeded run is repeatable, so "
               "accuracies compare across runs; seconds compare only on an idle machine)")
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
rows = []
runs = read_runs(a.save) if a.append and a.save else []
ran_on = provenance()
for spec in a.recipes:
    recipe, accs, secs = parse_recipe(spec), [], []
    for s in a.seeds:
        _, h = fit(recipe, data, seed=s, log=None)
        accs.append(h['valid_acc'][-1]); secs.append(h['seconds'][-1])
        print(f'{spec} seed {s}: {accs[-1]:.4%} in {secs[-1]:.0f} s ({len(h["epoch"])} epochs)', flush=True)
        runs.append(dict(spec=spec, **ran_on, recipe=asdict(recipe), seed=s, accuracy=accs[-1], seconds=secs[-1], history=h))
        if a.save:   # after every run, so that an interrupted benchmark keeps what it measured
            write_runs(a.save, runs, train_rows=len(data.train_x), valid_rows=len(data.valid.x))
    rows.append((spec, accs, secs))
print()
for spec, accs, secs in rows:
    sd = statistics.stdev(accs) if len(accs) > 1 else 0.
    print(f'{spec:30s} {statistics.mean(accs):.4%} ± {sd:.4%} over seeds {a.seeds}; {statistics.mean(secs):.0f} s a run')
