"""What every benchmark that keeps its runs shares: each run says which commit and machine measured it, and the JSON
file of runs is rewritten whole (`atomic_write`), so an interrupted benchmark never leaves it half-written."""
import json, subprocess
from pathlib import Path
from mnist_nb.plumbing import atomic_write, machine_summary

def provenance()->dict:
    "The commit of the checkout these benchmarks are in (and whether its files differ from it), wherever they run from, and the machine, for a recorded run."
    git = lambda *args: subprocess.run(['git', *args], cwd=Path(__file__).parent, capture_output=True, text=True).stdout.strip()
    changed = git('status', '--porcelain', '--untracked-files=no')   # code that ran but is in no commit
    return dict(commit=git('rev-parse', '--short', 'HEAD') + (' with uncommitted changes' if changed else ''), machine=machine_summary())

def read_runs(path)->list:
    "The runs recorded in the JSON file `path` so far (none if there is no such file)."
    return json.loads(Path(path).read_text())['runs'] if Path(path).exists() else []

def write_runs(path, runs:list, **about):
    "Replace the JSON file `path` with `runs`, and `about` them all (rows, commit), in one step."
    atomic_write(path, lambda f: f.write(json.dumps(dict(about, runs=runs), indent=1).encode()))
