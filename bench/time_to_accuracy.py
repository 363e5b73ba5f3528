"""Benchmark 2: seconds of training until each recipe first reaches a validation accuracy, in one run.

Each recipe trains on the same split and stops as soon as it reaches the target (default 99.5%).
"""
import argparse
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, get_recipe
from mnist_nb.speed import time_to

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipes', nargs='+', default=['original', 'fast'])
p.add_argument('--target', type=float, default=0.995)
p.add_argument('--seed', type=int, default=0)
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
times = {}
for name in a.recipes:
    print(f'--- {name}', flush=True)
    _, h = fit(get_recipe(name), data, seed=a.seed, target=a.target, log=lambda s: print(s, flush=True))
    times[name] = time_to(h, a.target)
print()
for name, t in times.items():
    print(f"{name:6s} {'never reached' if t is None else f'{t:7.1f} s to'} {a.target:.2%}")
first = a.recipes[0]
for name in a.recipes[1:]:
    if times[first] and times[name]: print(f"{name} reached it {times[first]/times[name]:.1f}x sooner than {first}")
