"""Benchmark 11: a peer's network trained the project's way, against the peer as published.

Trains the peer (`mnist_nb.speed.PEERS`) and its own network with each given recipe of the project (a spec such as
`fast:epochs=1,bs=128`; the recipe's network fields are not used; the row is named `SPEC on PEER's network`) on one
split, seeds interleaved, and prints the speed chapter's table and its test of "beaten" (`versus`) for each recipe
against the peer: the validation accuracy at the peer's training time, and how many times sooner than the peer it
first reaches the peer's mean accuracy. With the network held fixed, what differs is the training. `--own` adds
recipes trained with their own network, in the same run, so that the network's share can be read beside the
training's; `--save` keeps the rows (bench/results/peer_network.json is read by nbs/10_speed.ipynb).
"""
import argparse
import pandas as pd
from mnist_nb.preparation import find_data, read_digits, prepare_data
from mnist_nb.training import fit, parse_recipe
from mnist_nb.speed import PEERS, run_contender, contender_row, peer_table, versus, time_to, histories
from mnist_nb.plumbing import machine_summary
from _record import provenance, write_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--peer', default='tiny-onecycle', choices=list(PEERS))
p.add_argument('--recipes', nargs='+', default=['fast:epochs=1,bs=128,rotate=0,shift=0,zoom=0,lr=6e-3,muon_lr=0.06'])
p.add_argument('--own', nargs='*', default=[], help="recipe specs trained with their own network, e.g. draft")
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
p.add_argument('--save', help='write the rows to this JSON file, e.g. bench/results/peer_network.json')
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
data = prepare_data(x, y)
ran_on = provenance()
contenders = [(f"{spec} on {a.peer}'s network", spec, PEERS[a.peer].net) for spec in a.recipes] + [(spec, spec, None) for spec in a.own]
runs = []
for seed in a.seeds:
    runs.append(run_contender(a.peer, data, seed))
    for name, spec, net in contenders:
        recipe = parse_recipe(spec)
        runs.append(contender_row(name, seed, recipe.epochs, fit(recipe, data, seed, log=None, net=net)[1]))
    if a.save: write_runs(a.save, runs, **ran_on, peer=a.peer, train_rows=len(data.train_x), valid_rows=len(data.valid.x))
table = peer_table(runs)
print(table.to_string(formatters={'seconds': '{:.1f}'.format, 'accuracy': '{:.4%}'.format, 'std': '{:.4%}'.format}))
peer_acc, rows = table.loc[a.peer, 'accuracy'], {}
for name, _, _ in contenders:
    v = versus([r for r in runs if r['name'] in (a.peer, name)], ours=(name,)).loc[a.peer]
    reached = sum(time_to(h, peer_acc) is not None for h in histories(runs, name))
    rows[name] = dict(at_peer_seconds=v.ours_at_equal_time, times_sooner=v.times_sooner, seeds_reaching=f'{reached} of {len(a.seeds)}')
print(f"\nagainst {a.peer}, mean of seeds {a.seeds}: accuracy at the last epoch finished within the peer's seconds (NaN: none finished), "
      f"and how many times sooner the recipe reaches the peer's {peer_acc:.4%} (NaN unless every seed reaches it)")
print(pd.DataFrame(rows).T.to_string(formatters={'at_peer_seconds': '{:.4%}'.format, 'times_sooner': '{:.2f}×'.format}))
print(machine_summary())
