"""Benchmark 3: validation accuracy of each recipe over several seeds (mean ± std).

On 4,200 validation images one image is 0.024%, so differences under about 0.05% are noise.
"""
import argparse, statistics
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, get_recipe

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipes', nargs='+', default=['fast', 'best'])
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
rows = []
for name in a.recipes:
    accs, secs = [], []
    for s in a.seeds:
        _, h = fit(get_recipe(name), data, seed=s, log=None)
        accs.append(h['valid_acc'][-1]); secs.append(h['seconds'][-1])
        print(f'{name:5s} seed {s}: {accs[-1]:.4%} in {secs[-1]:.0f} s ({len(h["epoch"])} epochs)', flush=True)
    rows.append((name, accs, secs))
print()
for name, accs, secs in rows:
    sd = statistics.stdev(accs) if len(accs) > 1 else 0.
    print(f'{name:5s} {statistics.mean(accs):.4%} ± {sd:.4%} over seeds {a.seeds}; {statistics.mean(secs):.0f} s a run')
