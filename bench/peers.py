"""Benchmark 8: the project's recipes side by side with the published recipes people copy, on one split.

Trains each contender (the peers of `mnist_nb.speed.PEERS`, the original notebook's recipe and the project's
recipes) on the same 37,800 rows through the project's data path and loop, one after another, and measures it on
the same 4,200: validation accuracy against training seconds. Saves every run after it finishes (so an
interrupted benchmark keeps what it measured) to bench/results/peers.json, which nbs/10_speed.ipynb reads,
then prints the table and the comparison. `--epochs NAME=N` cuts a long recipe to N epochs, its schedule squeezed
to fit; the table's `epochs` and `published` columns say so.
"""
import argparse
from pathlib import Path
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.plumbing import machine_summary
from mnist_nb.speed import PEERS, run_contender, peer_table, versus
from _record import provenance, write_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--contenders', nargs='+', default=['tiny-onecycle', 'draft', 'keras-example', 'fast', 'pytorch-example', 'deotte-one', 'original', 'best'])
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
p.add_argument('--epochs', nargs='*', default=[], metavar='NAME=N', help='cut NAME to at most N epochs, e.g. deotte-one=15')
p.add_argument('--save', default=str(Path(__file__).parent/'results'/'peers.json'))
a = p.parse_args()
cuts = {k: int(v) for k, v in (e.split('=') for e in a.epochs)}

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
ran_on = provenance()
runs = []
for seed in a.seeds:            # seeds outermost: an interrupted run still has every contender once
    for name in a.contenders:
        runs.append(run_contender(name, data, seed, cuts.get(name)))
        r = runs[-1]
        print(f"{name:16s} seed {seed}: {r['accuracy']:.4%} in {r['seconds']:.0f} s ({r['epochs']} of {r['published']} epochs)", flush=True)
        write_runs(a.save, runs, **ran_on, train_rows=len(data.train_x), valid_rows=len(data.valid.x))
print()
print(peer_table(runs).to_string(formatters={'seconds': '{:.0f}'.format, 'accuracy': '{:.4%}'.format, 'std': '{:.4%}'.format}))
print()
print(versus(runs).to_string(float_format=lambda v: f'{v:.4f}'))
print(machine_summary())
