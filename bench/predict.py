"""Benchmark 4: seconds to predict the 28,000 test images with each recipe's network.

Timing does not depend on the weights, so freshly initialised networks are used.
"""
import argparse, time
import torch
from mnist_nb.preparation import find_data, read_digits, pixel_stats
from mnist_nb.training import build_net, get_recipe
from mnist_nb.prediction import predict

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with test.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipes', nargs='+', default=['original', 'fast', 'best'])
p.add_argument('--repeats', type=int, default=3)
a = p.parse_args()

test_x, _ = read_digits(find_data(a.data, need=('test',), sample=False).test)
stats = pixel_stats(test_x)
for name in a.recipes:
    net = build_net(get_recipe(name), stats).to(memory_format=torch.channels_last)
    predict(net, test_x[:1024])                                   # warm up
    times = []
    for _ in range(a.repeats):
        t = time.perf_counter(); predict(net, test_x); times.append(time.perf_counter() - t)
    print(f'{name:5s} best of {a.repeats}: {min(times):.2f} s for {len(test_x):,} test images')
