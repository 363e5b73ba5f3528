"""Benchmark 11: a peer's network trained the project's way, against the peer as published.

Trains the peer (`mnist_nb.speed.PEERS`) and its own network with each given recipe of the project (a spec such as
`fast:epochs=1,bs=128`; the recipe's network fields are not used) on one split, seeds interleaved, and prints for each
the validation accuracy and seconds (mean over seeds) and how many times sooner than the peer it first reaches the
peer's mean accuracy: the speed chapter's test of "beaten", with the network held fixed, so what differs is the training.
"""
import argparse
import numpy as np
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, parse_recipe
from mnist_nb.speed import PEERS, run_contender, time_to
from mnist_nb.plumbing import machine_summary

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--peer', default='tiny-onecycle', choices=list(PEERS))
p.add_argument('--recipes', nargs='+', default=['fast:epochs=1,bs=128,rotate=0,shift=0,zoom=0,lr=6e-3,muon_lr=0.06'])
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
hists = {}
for seed in a.seeds:
    hists.setdefault(a.peer, []).append(run_contender(a.peer, data, seed)['history'])
    for spec in a.recipes:
        _, h = fit(parse_recipe(spec), data, seed, log=None, net=PEERS[a.peer].net)
        hists.setdefault(spec, []).append(h)
peer_acc, peer_secs = (np.mean([h[k][-1] for h in hists[a.peer]]) for k in ('valid_acc', 'seconds'))
print(f"{a.peer}: {peer_acc:.4%} in {peer_secs:.1f} s (mean of seeds {a.seeds})")
for name, hs in hists.items():
    reach = [time_to(h, peer_acc) for h in hs]
    sooner = f"{peer_secs/np.mean(reach):.2f}× sooner" if None not in reach else f"not reached by {reach.count(None)} of {len(hs)} seeds"
    print(f"{name:70s} {np.mean([h['valid_acc'][-1] for h in hs]):.4%} in {np.mean([h['seconds'][-1] for h in hs]):.1f} s; "
          f"reaches {peer_acc:.4%}: {sooner}")
print(machine_summary())
