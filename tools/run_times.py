"""Measure how long each chapter takes from a fresh clone, and say so at the top of each chapter.

`python tools/run_times.py measure` clones the committed HEAD into a temporary folder (so nothing saved in
runs/ is there), executes every chapter in reading order in its own Jupyter kernel, as a learner runs them,
with MNIST_NB_DATA as set, copies the executed notebooks (their outputs) back into nbs/, and records the wall
time of each with the machine in nbs/run_times.json. Then it writes each chapter's run-time line.

`python tools/run_times.py measure 08 10` measures only the chapters whose names start so, in a fresh clone, and keeps
the other chapters' times; a chapter that fails stops the run, keeping the times of those measured before it; a chapter that would read a model an earlier chapter saves (runs/fast) trains it itself.
`python tools/run_times.py write` writes the run-time lines from nbs/run_times.json again;
`python tools/run_times.py check` fails when a chapter's line differs from what nbs/run_times.json gives, or
when a chapter takes longer than its limit: 5 minutes for the learner's path (chapters 00 to 04), 10 for the rest.
"""
import json, os, re, subprocess, sys, tempfile, time
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parent.parent
TIMES = ROOT/'nbs/run_times.json'
LEARNER_PATH = ('00_', '01_', '02_', '03_', '04_')
LINE = re.compile(r'\n\n\*Run time: .*\*$')

def chapters(root=ROOT): return sorted(p for p in (root/'nbs').glob('[0-9][0-9]*_*.ipynb'))
def limit(name): return 300 if name.startswith(LEARNER_PATH) else 600

def run_line(seconds:float, machine:str)->str:
    "The line under a chapter's summary."
    took = f'{seconds:.0f} s' if seconds < 60 else f'{int(seconds//60)} min {int(seconds % 60):02d} s'
    return (f"*Run time: {took} from a fresh clone, measured on {machine} "
            f"(`tools/run_times.py`); a small version runs under the test suite.*")

def measure(only=()):
    "Execute the chapters (those named in `only`, else all) in a fresh clone of HEAD; record their times."
    clone = Path(tempfile.mkdtemp())/'clone'
    subprocess.run(['git', 'clone', '-q', str(ROOT), str(clone)], check=True)
    env = {**os.environ, 'PYTHONPATH': str(clone)}
    env.pop('IN_TEST', None); env.pop('MPLBACKEND', None)
    machine = subprocess.run([sys.executable, '-c', 'from mnist_nb.plumbing import machine_summary; print(machine_summary())'],
                             env=env, cwd=clone, capture_output=True, text=True, check=True).stdout.strip()
    rec = json.loads(TIMES.read_text()) if TIMES.exists() else dict(seconds={})
    times, failed = rec['seconds'], None   # chapters not measured now (not asked for, or after a failure) keep their last times
    for nb in chapters(clone):
        if only and not nb.name.startswith(tuple(only)): continue
        start = time.perf_counter()
        r = subprocess.run(['jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--inplace', '--log-level=ERROR',
                            '--ExecutePreprocessor.timeout=3000', nb.name], cwd=clone/'nbs', env=env)
        took = round(time.perf_counter() - start, 1)
        print(f'{nb.name}: {took:.0f} s' + ('' if r.returncode == 0 else ' FAILED'), flush=True)
        if r.returncode: failed = nb.name; break
        times[nb.name] = took
        rec.setdefault('machines', {})[nb.name] = machine   # chapters measured at other times may have run elsewhere
        (ROOT/'nbs'/nb.name).write_bytes(nb.read_bytes())
    here = {fn.name for fn in chapters()}                  # a chapter removed since keeps no time
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    rec.update(commit=commit, seconds={n: s for n, s in sorted(times.items()) if n in here},
               machines={n: m for n, m in rec.get('machines', {}).items() if n in here})
    TIMES.write_text(json.dumps(rec, indent=1) + '\n')
    write()
    if failed: sys.exit(f'{failed} failed from a fresh clone: the chapters before it are measured, it and those after keep their last times')

def machine_of(rec:dict, name:str)->str: return rec['machines'][name]

def title_cell(nb):
    return next(c for c in nb.cells if c.cell_type == 'markdown' and c.source.startswith('# '))

def write():
    rec = json.loads(TIMES.read_text())
    for fn in chapters():
        if fn.name not in rec['seconds']: continue   # never measured: `check` says so
        nb = nbformat.read(fn, as_version=4)
        cell = title_cell(nb)
        cell.source = LINE.sub('', cell.source) + '\n\n' + run_line(rec['seconds'][fn.name], machine_of(rec, fn.name))
        nbformat.write(nb, fn)
    subprocess.run(['nbdev_clean'], cwd=ROOT, check=True)      # the form every notebook is committed in

def check()->int:
    rec, bad = json.loads(TIMES.read_text()), []
    for fn in chapters():
        s = rec['seconds'].get(fn.name)
        if s is None: bad.append(f'{fn.name}: not measured'); continue
        if not title_cell(nbformat.read(fn, as_version=4)).source.endswith(run_line(s, machine_of(rec, fn.name))):
            bad.append(f'{fn.name}: its run-time line is not the measured one (python tools/run_times.py write)')
        if s > limit(fn.name): bad.append(f'{fn.name}: {s:.0f} s from a fresh clone, over its limit of {limit(fn.name)} s')
    print('\n'.join(bad) or f'{len(rec["seconds"])} chapters: run-time lines as measured, each within its limit')
    return 1 if bad else 0

if __name__ == '__main__':
    what = sys.argv[1] if len(sys.argv) > 1 else ''
    if what == 'measure': measure(sys.argv[2:])
    elif what == 'write': write()
    elif what == 'check': sys.exit(check())
    else: sys.exit(__doc__)
