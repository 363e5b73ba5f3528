"""Benchmark 10: does `best` gain from test.csv's images, labelled by a `fast` teacher (pseudo-labels)?

For each seed, on the project's default split (37,800 training rows, 4,200 validation rows): trains `fast` on the
training rows, labels test.csv's 28,000 images with it, keeps those it gives at least `--confidence`, and trains a
student `best` on the training rows and those images together, for `--epochs` epochs (9 of them over the larger set
take about the steps and time of `best`'s 15 over the training rows alone); then trains `best` as it is on the
training rows, and prints both validation accuracies side by side. test.csv's answers are never used, only its
images. A screen on one split, not an out-of-fold measurement: on 4,200 rows one digit is 0.024%.
"""
import argparse, time
import numpy as np
from mnist_nb.preparation import find_data, read_digits, prepare_data, split_indices
from mnist_nb.training import get_recipe, fit
from mnist_nb.prediction import predict
from mnist_nb.plumbing import machine_summary

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv and test.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1])
p.add_argument('--confidence', type=float, default=0.8, help="keep test images the teacher gives at least this probability")
p.add_argument('--epochs', type=int, default=9, help="the student's epochs")
a = p.parse_args()

files = find_data(a.data, need=('train', 'test'), sample=False)
x, y = read_digits(files.train)
unlabelled, _ = read_digits(files.test)
trn, val = split_indices(y)
data = prepare_data(x, y, split=(trn, val))
for seed in a.seeds:
    start = time.perf_counter()
    teacher, th = fit(get_recipe('fast'), data, seed, log=None)
    probs = predict(teacher, unlabelled)
    keep = probs.max(1) >= a.confidence
    both = prepare_data(np.concatenate([x, unlabelled[keep]]), np.concatenate([y, probs.argmax(1)[keep]]),
                        split=(np.concatenate([trn, len(x) + np.arange(keep.sum())]), val))
    _, sh = fit(get_recipe('best', epochs=a.epochs), both, seed, log=None)
    with_teacher = time.perf_counter() - start
    _, bh = fit(get_recipe('best'), data, seed, log=None)
    print(f"seed {seed}: teacher `fast` {th['valid_acc'][-1]:.4%}, kept {keep.sum():,} of {len(unlabelled):,} test images; "
          f"student {sh['valid_acc'][-1]:.4%} in {sh['seconds'][-1]:.0f} s ({with_teacher:.0f} s with the teacher); "
          f"`best` {bh['valid_acc'][-1]:.4%} in {bh['seconds'][-1]:.0f} s; student − best {sh['valid_acc'][-1] - bh['valid_acc'][-1]:+.4%}", flush=True)
print(machine_summary())
