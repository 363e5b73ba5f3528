"""What can be checked of the documentation site without Quarto. Usage: python .ci/check_site.py CHECK

config   nbs/_quarto.yml and the nbdev.yml nbdev writes from settings.ini parse as nbdev expects; _quarto.yml at the top
         level is a symbolic link to nbs/_quarto.yml, the one copy
sidebar  the sidebar nbdev generates lists every notebook, in order, and every page in it exists
outputs  every notebook carries outputs, no error outputs, and every cell that draws a figure has its image
links    every link from one notebook to another names a notebook that exists
html     nbconvert renders every notebook to HTML with every image embedded
readme   README.md is what tools/readme.py makes from nbs/index.ipynb
proc     nbdev processes every notebook for Quarto (nbdev.serve.proc_nbs, no Quarto needed), and the pages
         hold an API reference entry (show_doc) for every function and class the package exports
"""
import re, sys
from pathlib import Path

import nbformat, yaml

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT/'nbs'
PAGES = sorted(NBS.glob('*.ipynb'))
DRAWS = re.compile(r'(?<!def )\b(show_digits|show_mistakes|plot_\w+|plt\.\w+|sns\.\w+)\(')  # a call, not a definition

def fail(msg): raise SystemExit(f'check_site: {msg}')

def read(p): return nbformat.read(p, as_version=4)

def pngs(nb): return sum('image/png' in o.get('data', {}) for c in nb.cells if c.cell_type == 'code' for o in c.outputs)

def check_config():
    from nbdev.quarto import refresh_quarto_yml
    top = ROOT/'_quarto.yml'
    if not top.is_symlink() or top.resolve() != (NBS/'_quarto.yml').resolve(): fail('_quarto.yml at the top level must be a symbolic link to nbs/_quarto.yml')
    q = yaml.safe_load((NBS/'_quarto.yml').read_text())
    if q['project']['type'] != 'website': fail('_quarto.yml: project type is not website')
    if set(q['metadata-files']) != {'nbdev.yml', 'sidebar.yml'}: fail('_quarto.yml: metadata-files must be nbdev.yml and sidebar.yml')
    if not (NBS/q['format']['html']['css']).exists(): fail(f"_quarto.yml names {q['format']['html']['css']}, which is missing")
    refresh_quarto_yml()
    site = yaml.safe_load((NBS/'nbdev.yml').read_text())
    if site['project']['output-dir'] != '_docs' or not site['website']['title']: fail('nbdev.yml lacks output-dir or title')

def check_sidebar():
    from nbdev.quarto import nbdev_sidebar
    nbdev_sidebar.__wrapped__(force=True)
    contents = yaml.safe_load((NBS/'sidebar.yml').read_text())['website']['sidebar']['contents']
    listed = [c if isinstance(c, str) else c.get('href') for c in contents]
    missing = [p for p in listed if not (NBS/p).exists()]
    if missing: fail(f'sidebar pages missing: {missing}')
    order = ['index.ipynb'] + [p.name for p in PAGES if p.name != 'index.ipynb']   # the home page first, then the chapters
    if listed != order: fail(f'sidebar {listed} does not list the notebooks {order} in order')

def check_outputs():
    for p in PAGES:
        nb = read(p)
        code = [c for c in nb.cells if c.cell_type == 'code']
        if not any(c.outputs for c in code): fail(f'{p.name} has no outputs: commit it executed')
        for c in code:
            if any(o.output_type == 'error' for o in c.outputs): fail(f'{p.name} has an error output in: {c.source[:60]!r}')
            # exported cells only define; a cell that closes its figure means not to show it
            shown = not any(k in c.source for k in ('#| export', '#| eval: false', 'plt.close('))
            if shown and DRAWS.search(c.source) and not any('image/png' in o.get('data', {}) for o in c.outputs):
                fail(f'{p.name}: a cell that draws has no figure: {c.source[:80]!r}')

def check_links():
    for p in PAGES:
        for c in read(p).cells:
            if c.cell_type != 'markdown': continue
            for target in re.findall(r'\]\(([^)#\s]+\.ipynb)', c.source):
                if not (NBS/target).exists(): fail(f'{p.name} links to {target}, which does not exist')

def check_html():
    from nbconvert import HTMLExporter
    for p in PAGES:
        nb = read(p)
        html, _ = HTMLExporter().from_notebook_node(nb)
        embedded = html.count('src="data:image/png;base64,')
        if embedded < pngs(nb): fail(f'{p.name}: {pngs(nb)} figures, {embedded} embedded in its HTML')
        for src in re.findall(r'<img [^>]*src="([^"]+)"', html):
            if not src.startswith(('data:', 'http://', 'https://')): fail(f'{p.name}: image {src} is not embedded')

def check_readme():
    sys.path.insert(0, str(ROOT/'tools'))
    from readme import readme_text
    if (ROOT/'README.md').read_text() != readme_text(ROOT)[0]:
        fail('README.md is not what nbs/index.ipynb gives: run `python tools/readme.py`')

def check_proc():
    import importlib, warnings
    from nbdev.serve import proc_nbs
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        proc = proc_nbs(n_workers=0, force=True)
    mixed = [str(w.message) for w in caught if 'imports and other code' in str(w.message)]
    if mixed: fail(f'nbdev runs cells that import, so imports need cells of their own: {mixed[0]}')
    for p in PAGES:
        if not (proc/p.name).exists(): fail(f'{p.name} was not processed')
        mod = next((l.split()[-1] for c in read(p).cells for l in c.source.splitlines() if l.startswith('#| default_exp')), None)
        if not mod: continue
        md = '\n'.join(o['data']['text/markdown'] for c in read(proc/p.name).cells if c.cell_type == 'code'
                       for o in c.outputs if 'text/markdown' in o.get('data', {}))
        module = importlib.import_module(f'mnist_nb.{mod}')
        documented = [n for n in module.__all__ if callable(getattr(module, n))]
        missing = [n for n in documented if f'### {n}' not in md]
        if missing: fail(f'{p.name}: no API reference for {missing}')

if __name__ == '__main__':
    if len(sys.argv) != 2 or f'check_{sys.argv[1]}' not in globals(): fail(__doc__)
    globals()[f'check_{sys.argv[1]}']()
