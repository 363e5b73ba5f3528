"""Write the small sample of the competition files that ships inside the package (mnist_nb/sample/).

    python tools/make_sample.py [DATA]     # DATA: the Kaggle files (default: $MNIST_NB_DATA)

The same files give the same rows: drawn with a fixed seed, stratified so each digit is as common as in
train.csv; gzip gets a fixed header (no timestamp), so with the same zlib the bytes are the same too."""
import gzip, os, sys
from pathlib import Path
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split

N_TRAIN, N_TEST, SEED = 2_000, 400, 0
data = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ['MNIST_NB_DATA'])
out = Path(__file__).resolve().parent.parent/'mnist_nb'/'sample'

def write(name, df):
    "`df` as `out/name`.gz, the same bytes on every run (GzipFile's header, unlike `gzip.compress`'s, is the same on every Python)."
    with open(out/f'{name}.gz', 'wb') as f, gzip.GzipFile('', 'wb', 9, f, mtime=0) as z: z.write(df.to_csv(index=False).encode())

train, test = pd.read_csv(data/'train.csv'), pd.read_csv(data/'test.csv')
rows, _ = train_test_split(np.arange(len(train)), train_size=N_TRAIN, stratify=train.label, random_state=SEED)
write('train.csv', train.iloc[np.sort(rows)])
write('test.csv', test.iloc[np.sort(np.random.default_rng(SEED).choice(len(test), N_TEST, replace=False))])
write('sample_submission.csv', pd.DataFrame({'ImageId': np.arange(1, N_TEST+1), 'Label': 0}))
print(f'wrote {N_TRAIN:,} training and {N_TEST:,} test rows to {out}: '
      + ', '.join(f'{f.name} {f.stat().st_size/1e3:.0f} kB' for f in sorted(out.glob('*.gz'))))
