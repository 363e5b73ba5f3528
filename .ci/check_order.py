"""Reading order is dependency order: every chapter imports only modules of earlier chapters and the two appendix
modules (plumbing, testing), which import no chapter; an appendix may import the one before it (testing uses plumbing). Reads the notebooks in nbs/ (every code cell, exported or not)
and the modules in mnist_nb/.  Usage: python .ci/check_order.py [ROOT]   or   python .ci/check_order.py --self-test"""
import ast, json, re, sys, tempfile
from pathlib import Path

APPENDIX = {'plumbing', 'testing'}   # usable from every chapter; they themselves import no chapter

def _code(cell:dict)->str:
    "A code cell's Python, with IPython's magics and shell lines blanked out."
    src = ''.join(cell['source'])
    return '\n'.join('' if l.lstrip().startswith(('%', '!')) else l for l in src.splitlines())

def package_api(root:Path)->dict:
    "The names the package offers itself (`_API` in its `__init__.py`: name -> module), which a chapter can reach as `mnist_nb.NAME`."
    init = root/'mnist_nb'/'__init__.py'
    for node in ast.walk(ast.parse(init.read_text())) if init.exists() else ():
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', '') == '_API' for t in node.targets):
            v = node.value   # dict(name='module', ...) or {'name': 'module', ...}
            return {k.arg: ast.literal_eval(k.value) for k in v.keywords} if isinstance(v, ast.Call) else ast.literal_eval(v)
    return {}

def project_imports(code:str, api:dict=None, modules:set=(), package:str='mnist_nb')->set:
    "The modules of `package` that `code` uses, by their names inside the package: imports (relative ones too), and `package.NAME`."
    out, api = set(), api or {}
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ''
            if node.level: out.add(mod.split('.')[0]) if mod else out.update(a.name for a in node.names)
            elif mod == package: out.update(api.get(a.name, a.name) for a in node.names)
            elif mod.startswith(package + '.'): out.add(mod.split('.')[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split('.')[1] for a in node.names if a.name.startswith(package + '.'))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == package:
            if node.attr in api: out.add(api[node.attr])
            elif node.attr in modules: out.add(node.attr)
    return out

def chapters(nbs:Path)->list:
    "(notebook, module, code cells) for every numbered notebook, in reading order."
    out = []
    for nb in sorted(p for p in nbs.glob('[0-9]*.ipynb')):
        cells = [_code(c) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code']
        mod = next((m[1] for c in cells if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', c, re.M))), None)
        out.append((nb.name, mod, cells))
    return out

def violations(root:Path)->list:
    "One line for every import against the reading order."
    found, order, api, every = [], {}, package_api(root), chapters(root/'nbs')
    modules = {mod for _, mod, _ in every}
    for i, (name, mod, cells) in enumerate(every):
        if mod is None: found.append(f'{name}: no `#| default_exp`, so no module'); continue
        order[mod] = (i, name)
        for code in cells:
            for used in sorted(project_imports(code, api, modules) - {mod}):
                if mod in APPENDIX and used not in APPENDIX: found.append(f'{name} ({mod}) is an appendix but imports the chapter module {used}')
                elif mod in APPENDIX and used not in order: found.append(f'{name} ({mod}) imports the appendix {used}, which comes after it')
                elif used not in APPENDIX and used not in order: found.append(f'{name} ({mod}) imports {used}, which is not a module of an earlier chapter')
    for py in sorted((root/'mnist_nb').glob('*.py')):
        if py.stem.startswith('_'): continue
        for used in sorted(project_imports(py.read_text()) - {py.stem}):
            if py.stem not in order: found.append(f'mnist_nb/{py.name} comes from no notebook'); break
            if used in APPENDIX and (py.stem not in APPENDIX or order.get(used, (len(order),))[0] < order[py.stem][0]): continue   # an appendix may use the one before it
            if used not in order or order[used][0] > order[py.stem][0] or py.stem in APPENDIX:
                found.append(f'mnist_nb/{py.name} imports {used}, against the reading order')
    return found

def self_test():
    "The check must fail on a layout that breaks the order, and pass on one that keeps it."
    def layout(cells_by_nb):
        root = Path(tempfile.mkdtemp()); (root/'nbs').mkdir(); (root/'mnist_nb').mkdir()
        for nb, cells in cells_by_nb.items():
            (root/'nbs'/nb).write_text(json.dumps(dict(cells=[dict(cell_type='code', source=c) for c in cells])))
        return root
    good = layout({'00_a.ipynb': ['#| default_exp a', 'from mnist_nb.plumbing import x'],
                   '01_b.ipynb': ['#| default_exp b', '#| export\nfrom mnist_nb.a import *', '%time from mnist_nb.testing import sh'],
                   '09_plumbing.ipynb': ['#| default_exp plumbing', 'import mnist_nb']})
    assert violations(good) == [], violations(good)
    bad = layout({'00_a.ipynb': ['#| default_exp a', '#| hide\nfrom mnist_nb.b import f'], '01_b.ipynb': ['#| default_exp b'],
                  '09_plumbing.ipynb': ['#| default_exp plumbing', 'from mnist_nb import a']})
    assert violations(bad) == ['00_a.ipynb (a) imports b, which is not a module of an earlier chapter',
                               '09_plumbing.ipynb (plumbing) is an appendix but imports the chapter module a'], violations(bad)
    (bad/'mnist_nb'/'a.py').write_text('from .b import f')
    assert 'mnist_nb/a.py imports b, against the reading order' in violations(bad), violations(bad)
    (bad/'nbs'/'10_testing.ipynb').write_text(json.dumps(dict(cells=[dict(cell_type='code', source='#| default_exp testing')])))
    (bad/'mnist_nb'/'plumbing.py').write_text('from mnist_nb.testing import sh')   # an appendix using the one after it
    (bad/'mnist_nb'/'testing.py').write_text('from mnist_nb.plumbing import x')    # ... and the one before it: allowed
    assert 'mnist_nb/plumbing.py imports testing, against the reading order' in violations(bad), violations(bad)
    (bad/'nbs'/'09_plumbing.ipynb').write_text(json.dumps(dict(cells=[dict(cell_type='code', source=s) for s in
        ['#| default_exp plumbing', '#| hide\nfrom mnist_nb.testing import sh']])))
    assert '09_plumbing.ipynb (plumbing) imports the appendix testing, which comes after it' in violations(bad), violations(bad)
    assert not any(v.startswith('mnist_nb/testing.py') for v in violations(bad)), violations(bad)
    (good/'mnist_nb'/'__init__.py').write_text("_API = dict(g='b')")   # names the package offers: `mnist_nb.g` is b's
    (good/'nbs'/'00_a.ipynb').write_text(json.dumps(dict(cells=[dict(cell_type='code', source=s) for s in
        ['#| default_exp a', 'import mnist_nb\nmnist_nb.g()', 'from mnist_nb import g', 'mnist_nb.b.f()', 'mnist_nb.__version__']])))
    assert violations(good) == ['00_a.ipynb (a) imports b, which is not a module of an earlier chapter']*3, violations(good)  # one a cell
    print('check_order: self-test passed')

if __name__ == '__main__':
    if sys.argv[1:] == ['--self-test']: self_test(); sys.exit()
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    found = violations(root)
    for line in found: print('check_order:', line)
    print(f"check_order: {len(chapters(root/'nbs'))} notebooks, {len(found)} imports against the reading order")
    sys.exit(1 if found else 0)
