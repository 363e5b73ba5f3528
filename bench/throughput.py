"""Benchmark 1: training throughput of the original notebook's input pipeline and of this project's, side by side.

Prints images/s for six configurations, each one change away from the previous (the original's pipeline and
network; channels-last; batched augmentation; bfloat16, on CPUs with bfloat16 hardware only: with these the
project's pipeline on the original's network and batch size; the compact network; batches of 256), the network
alone and the whole pipeline, and the ratios.
"""
import argparse
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.speed import pipeline_table

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--steps', type=int, default=60, help='training steps timed per configuration')
p.add_argument('--repeats', type=int, default=3, help='rounds of measurement; each rate is the best of its rounds')
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
t = pipeline_table(data.train_x[:, 0].numpy(), data.train_y.numpy(), data.stats, n=a.steps, repeats=a.repeats)
print(t.round(2).to_string())
original, ours = t.loc['original'], t.loc['+ bfloat16' if '+ bfloat16' in t.index else '+ batched augmentation']
print(f"\nthe original network, batch 64: the project's pipeline trains at {ours.pipeline_img_s:.0f} img/s, "
      f"the original notebook's at {original.pipeline_img_s:.0f} img/s: {ours.pipeline_img_s/original.pipeline_img_s:.2f}x")
print(f"input pipeline alone costs {original.input_s:.1f} s an epoch in the original's setup, {ours.input_s:.1f} s in the project's")
print(f"the fast recipe's configuration trains at {t.pipeline_img_s.iloc[-1]/original.pipeline_img_s:.2f}x the original's images/s")
