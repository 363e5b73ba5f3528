"""The drawing pad of nbs/05a_draw.ipynb, in JupyterLab, in headless Chromium: `python .ci/check_pad.py MODEL`.

It writes a notebook that shows `DrawingPad` for the saved MODEL, starts JupyterLab on a free port, opens the notebook,
runs it, draws digits on the pad with the mouse and checks what the pad shows against what Python makes of the same
pixels. Exits 77 (skip) where Chromium or Playwright is missing, non-zero on any failure."""
import json, os, secrets, sys, tempfile
from pathlib import Path

import nbformat
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from browser import chromium, free_port, serving
from mnist_nb.checkpoints import load_model
from mnist_nb.draw import read_drawing, PAD_SIDE
from mnist_nb.prediction import predict

STROKES = {  # digit: strokes as points on the 280×280 pad
    1: [[(150, 40), (140, 240)]],
    7: [[(70, 50), (210, 50), (120, 240)]],
    0: [[(140, 40), (80, 80), (70, 160), (110, 235), (170, 235), (210, 160), (200, 80), (140, 40)]],
}
READ_PAD = '''el => { const c = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
  return Array.from({length: el.width*el.height}, (_, i) => (c[4*i]*19595 + c[4*i+1]*38470 + c[4*i+2]*7471 + 0x8000) >> 16); }'''

def notebook(folder:Path, model:Path)->Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"from mnist_nb.checkpoints import load_model\nfrom mnist_nb.draw import DrawingPad\nDrawingPad(load_model({str(model)!r})[0])")])
    nb.metadata['kernelspec'] = dict(name='python3', display_name='Python 3', language='python')
    nbformat.write(nb, folder/'pad.ipynb')
    return folder/'pad.ipynb'

def draw(page, canvas, strokes):
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    at = lambda x, y: (box['x'] + x*box['width']/PAD_SIDE, box['y'] + y*box['height']/PAD_SIDE)
    for stroke in strokes:
        page.mouse.move(*at(*stroke[0])); page.mouse.down()
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
            for t in np.linspace(0, 1, 12)[1:]: page.mouse.move(*at(x0 + t*(x1 - x0), y0 + t*(y1 - y0)))
        page.mouse.up()

def shown(page):
    "What the pad shows: predicted digit (text), probabilities, hint visible."
    return (page.locator('.mnist-prediction').inner_text().strip(),
            json.loads(page.locator('.mnist-probabilities').get_attribute('data-probabilities') or '[]'),
            page.locator('.mnist-hint').is_visible())

def check_digit(page, model, digit, strokes):
    before = shown(page)[1]
    draw(page, page.locator('.mnist-pad'), strokes)
    page.wait_for_function('b => document.querySelector(".mnist-probabilities").dataset.probabilities !== b',
                           arg=json.dumps(before, separators=(',', ':')), timeout=120_000)
    text, probs, hint = shown(page)
    pixels = bytes(page.locator('.mnist-pad').evaluate(READ_PAD))
    image = read_drawing(pixels, PAD_SIDE, PAD_SIDE)
    expected = predict(model, image[None])[0]
    seen = np.array(page.locator('.mnist-input').evaluate(READ_PAD), np.uint8).reshape(28, 28)
    assert text == str(expected.argmax()), f'the pad shows {text!r}, Python reads {expected.argmax()} in the same pixels'
    assert abs(sum(probs) - 1) < 1e-4 and len(probs) == 10, probs
    assert np.abs(np.array(probs) - expected).max() < 1e-5, (probs, expected)
    assert (seen == image).all(), 'the 28×28 picture on the pad is not the image Python made'
    assert not hint, 'the hint "draw a digit" is still showing'
    print(f'drew a {digit}: the pad shows {text} ({max(probs):.0%}), as Python reads the same pixels; its 28×28 picture is the image the model saw')

def main(model_path):
    model = load_model(model_path)[0]
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        tmp = Path(tmp); notebook(tmp, Path(model_path).resolve())
        port, token = free_port(), secrets.token_hex(16)
        cmd = [sys.executable, '-m', 'jupyter', 'lab', '--no-browser', '--allow-root', f'--port={port}', '--ip=127.0.0.1',
               f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={tmp}', '--LabApp.expose_app_in_browser=True',
               f'--LabApp.workspaces_dir={tmp}', '--LabApp.news_url=', '--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate']
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp/'config'), JUPYTER_RUNTIME_DIR=str(tmp/'runtime'))
        with serving(cmd, f'http://127.0.0.1:{port}/api?token={token}', env=env, cwd=tmp):
            page = browser.new_page(viewport=dict(width=1400, height=1000))
            errors = []
            page.on('pageerror', lambda e: errors.append(str(e)))
            page.on('console', lambda m: m.type == 'error' and print('console:', m.text))
            page.goto(f'http://127.0.0.1:{port}/lab/tree/pad.ipynb?token={token}')
            page.wait_for_function('window.jupyterapp && window.jupyterapp.shell.currentWidget && '
                                   'window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel', timeout=120_000)
            page.wait_for_function('window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === "idle"', timeout=120_000)
            page.evaluate('window.jupyterapp.commands.execute("notebook:run-all-cells")')
            page.locator('.mnist-pad').wait_for(timeout=120_000)
            text, probs, hint = shown(page)
            assert (text, probs, hint) == ('', [], True), f'a blank pad shows {text!r} {probs} (hint shown: {hint})'
            assert page.locator('.mnist-hint').inner_text().strip() == 'draw a digit'
            print('the pad is showing, blank: "draw a digit", no guess')
            for digit, strokes in STROKES.items():
                check_digit(page, model, digit, strokes)
                page.locator('.mnist-clear').click()
                page.wait_for_function('document.querySelector(".mnist-probabilities").dataset.probabilities === "[]"', timeout=30_000)
                assert shown(page) == ('', [], True), shown(page)
            print('Clear: no guess, "draw a digit" again, after each digit')
            assert not errors, f'errors in the page: {errors}'
    print(f'pad in JupyterLab: {len(STROKES)} digits drawn with the mouse, each shown as Python reads it; blank and cleared pads make no guess')

if __name__ == '__main__':
    if len(sys.argv) != 2: sys.exit(__doc__)
    main(sys.argv[1])
