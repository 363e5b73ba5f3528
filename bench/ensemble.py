"""Benchmark 5: out-of-fold accuracy of single models, their ensemble and test-time augmentation.

Stratified k-fold cross-validation of one recipe with several seeds: every one of the 42,000 rows is
predicted by models that never saw it, plainly and through the seven views of TTA_VIEWS. Prints the
accuracy of each seed's models, their mean ± std, the ensemble of all seeds, with and without the
views, the gain of the ensemble over its best single member, the accuracy as members are added with the training time
each fold's ensemble took, and the wall-clock time.
"""
import argparse
from dataclasses import asdict
from mnist_nb.preparation import find_data, read_digits
from mnist_nb.training import parse_recipe
from mnist_nb.views import View, TTA_VIEWS
from mnist_nb.crossval import cross_validate
from _record import provenance, read_runs, write_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('--data', help='folder with train.csv (default: $MNIST_NB_DATA, then Kaggle)')
p.add_argument('--recipe', default='fast', help='a name, optionally with changes: fast:elastic=8')
p.add_argument('--k', type=int, default=5, help='number of folds')
p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
p.add_argument('--jobs', type=int, default=1, help='processes training side by side')
p.add_argument('--record', help='add this run\'s accuracies and training seconds to a JSON file of runs (bench/results/out_of_fold.json, '
               'read by nbs/10_speed.ipynb), keeping the runs already there')
p.add_argument('--keep', help="a folder that keeps each model's predictions as soon as it is trained: the same command with the same folder, "
               'run again after an interruption, trains only the models the folder does not hold yet; the folder stays')
p.add_argument('--save', help='write the out-of-fold predictions to SAVE.npz and SAVE.json '
               '(nbs/07_cross_validation.ipynb reads nbs/runs/cv-fast-k5-s3)')
a = p.parse_args()

x, y = read_digits(find_data(a.data, need=('train',), sample=False).train)
cv = cross_validate(parse_recipe(a.recipe), x, y, k=a.k, seeds=a.seeds, views={'plain': (View(),), 'tta': TTA_VIEWS},
                    n_jobs=a.jobs, keep=a.keep, log=lambda s: print(s, flush=True))
if a.save: print('saved', cv.save(a.save))
table = cv.summary()
if a.record:
    runs = read_runs(a.record)
    runs.append(dict(spec=a.recipe, recipe=asdict(cv.recipe), **provenance(), k=a.k, seeds=a.seeds, rows=len(y),
                     accuracy={s: table.loc[f'seed {s}'].to_dict() for s in a.seeds}, ensemble=table.loc[f'ensemble of {len(a.seeds)}'].to_dict(),
                     train_seconds=[h['seconds'][-1] for h in cv.histories],
                     minutes=None if cv.read else cv.seconds/60, read_back=cv.read))   # a resumed run's wall clock is not the run's
    write_runs(a.record, runs)
print()
print(table.to_string(float_format=lambda v: f'{v:.4%}'))
best_single = table.loc[[f'seed {s}' for s in a.seeds], 'tta'].max()
ens = table.loc[f'ensemble of {len(a.seeds)}', 'tta']
print()
print(cv.by_members().to_string(formatters={'plain': '{:.4%}'.format, 'tta': '{:.4%}'.format, 'minutes per fold': '{:.1f}'.format}))
print(f'\nrecipe {a.recipe}, {a.k} folds x {len(a.seeds)} seeds = {len(cv.histories)} models in {cv.seconds/60:.1f} min '
      f'({a.jobs} process{"es" if a.jobs > 1 else ""}' + (f'; {cv.read} of the models read back from {a.keep}, not timed)' if cv.read else ')'))
print(f'ensemble + TTA out-of-fold accuracy: {ens:.4%}; its best single member + TTA {best_single:.4%}: gain {ens-best_single:+.4%}; '
      f'single members {table.loc["single: mean", "tta"]:.4%} ± {table.loc["single: std", "tta"]:.4%}')
