"""What every benchmark that keeps its runs shares: each run says which commit and machine measured it, and the JSON
file of runs is rewritten whole (`atomic_write`), so an interrupted benchmark never leaves it half-written. And what
the benchmarks that compare two checkouts share: each checkout runs in a fresh Python, the two in alternating order."""
import json, os, subprocess, sys
from pathlib import Path
from mnist_nb.plumbing import atomic_write, machine_summary

def _git(folder, *args)->str: return subprocess.run(['git', *args], cwd=folder, capture_output=True, text=True).stdout.strip()

def commit_of(checkout)->str:
    "The short commit a checkout of the project is at."
    return _git(checkout, 'rev-parse', '--short', 'HEAD')

def provenance()->dict:
    "The commit of the checkout these benchmarks are in (and whether its files differ from it), wherever they run from, and the machine, for a recorded run."
    here = Path(__file__).parent
    changed = _git(here, 'status', '--porcelain', '--untracked-files=no')   # code that ran but is in no commit
    return dict(commit=commit_of(here) + (' with uncommitted changes' if changed else ''), machine=machine_summary())

def run_in(checkout, code:str, *args:str)->subprocess.CompletedProcess:
    "Python `code`, given `args`, run to the end in a fresh process that imports mnist_nb from `checkout`."
    return subprocess.run([sys.executable, '-c', code, *args], env={**os.environ, 'PYTHONPATH': str(checkout)},
                          capture_output=True, text=True, cwd=checkout)

def in_turn(r:int, here, other)->tuple:
    "The two checkouts in the order of round `r`: which goes first alternates, so a slow spell of the machine hits both alike."
    return (other, here) if r % 2 == 0 else (here, other)

def read_runs(path)->list:
    "The runs recorded in the JSON file `path` so far (none if there is no such file)."
    return json.loads(Path(path).read_text())['runs'] if Path(path).exists() else []

def write_runs(path, runs:list, **about):
    "Replace the JSON file `path` with `runs`, and `about` them all (rows, commit), in one step."
    atomic_write(path, lambda f: f.write(json.dumps(dict(about, runs=runs), indent=1).encode()))
