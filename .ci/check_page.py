#!/usr/bin/env python
"""Check the drawing page (mnist_nb/web) in headless Chromium: `check_page.py MODEL [--ort FOLDER]`.

Writes the page for MODEL into a temporary folder, serves it with `python -m http.server` on 127.0.0.1 and checks
  a. preparation: drawings made from validation digits give the same 28×28 image in JavaScript (`mnistNb.mnistLike`)
     as in Python (`mnist_like`), and onnxruntime-web predicts the same digit as PyTorch (`predict`), for every drawing;
  b. mouse strokes drawn on #pad: #prediction is the digit Python's pipeline sees in the canvas's pixels, #input is the
     image Python makes of them, #probabilities holds ten numbers summing to 1, #hint is hidden;
  c. Clear: #prediction empty, #hint says "draw a digit", no probabilities;
  d. no request left the served origin, and the console told of no error.
One line per check, a summary line, exit status 1 on any failure; 77 (a skip) only where Chromium or Playwright is missing.
"""
import argparse, base64, json, sys, tempfile, time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from browser import chromium, free_port, serving

from mnist_nb.web import write_page
from mnist_nb.draw import PAD_SIDE as SIZE, as_drawing
from mnist_nb.checkpoints import load_model
from mnist_nb.digits import mnist_like
from mnist_nb.prediction import predict
from mnist_nb.preparation import find_data, read_digits, split_indices

MAX_DIFF = 2         # most a pixel of the JavaScript image may differ from Python's, out of 255 (measured: 0)
MEAN_DIFF = 0.05     # most the pixels may differ on average

def drawings(n:int, data=None)->np.ndarray:
    "`n` validation digits (rows `prepare_data` holds out) scaled up to the pad's size: thick white strokes on black."
    x, y = read_digits(find_data(data, need=('train',), log=None).train)
    _, val = split_indices(y)
    return np.stack([as_drawing(x[i]) for i in val[:n]])

# the pad's pixels as its onChange hands them over (Pillow's 'L' weights)
READ_PAD = """() => {
  const c = document.querySelector('#pad'), rgba = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const out = new Array(c.width * c.height);
  for (let i = 0; i < out.length; i++) out[i] = (rgba[4*i]*19595 + rgba[4*i+1]*38470 + rgba[4*i+2]*7471 + 0x8000) >> 16;
  return out;
}"""
READ_INPUT = """() => Array.from(document.querySelector('#input').getContext('2d').getImageData(0, 0, 28, 28).data.filter((_, i) => i % 4 == 0))"""
# the pad has answered the last stroke: its #input shows what mnistLike makes of the canvas now, and a digit is shown
SETTLED = f"""() => {{
  const readPad = {READ_PAD}, readInput = {READ_INPUT};
  const want = window.mnistNb.mnistLike({{width: {SIZE}, height: {SIZE}, data: Uint8Array.from(readPad())}}), got = readInput();
  return want && document.querySelector('#prediction').textContent !== '' && want.every((v, i) => v === got[i]);
}}"""

# strokes in 0..1 of the pad: lists of points, one list per stroke
STROKES = {'1': [[(0.52, 0.18), (0.50, 0.50), (0.48, 0.82)]],
           '7': [[(0.25, 0.22), (0.72, 0.22)], [(0.72, 0.22), (0.58, 0.50), (0.45, 0.82)]],
           '0': [[(0.5 + 0.22*np.sin(t), 0.5 - 0.32*np.cos(t)) for t in np.linspace(0, 2*np.pi, 40)]]}

def draw(page, strokes):
    box = page.locator('#pad').bounding_box()
    at = lambda p: (box['x'] + p[0]*box['width'], box['y'] + p[1]*box['height'])
    for stroke in strokes:
        page.mouse.move(*at(stroke[0])); page.mouse.down()
        for a, b in zip(stroke, stroke[1:]):     # several small moves per segment, as a hand makes them
            for t in np.linspace(0, 1, 8)[1:]: page.mouse.move(*at((a[0] + t*(b[0] - a[0]), a[1] + t*(b[1] - a[1]))))
        page.mouse.up()

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('model', help='a saved model: PATH or PATH.pt, as mnist_nb_train writes it')
    p.add_argument('--ort', default=str(Path(__file__).parent.parent/'node_modules'),
                   help='node_modules folder holding onnxruntime-web')
    p.add_argument('--drawings', type=int, default=120, help='drawings of validation digits to compare')
    p.add_argument('--data', help="folder with train.csv to take them from (default: $MNIST_NB_DATA, Kaggle's folder, "
                                  "else the sample shipped with mnist_nb)")
    a = p.parse_args(argv)
    failures, checks = [], []
    def report(ok:bool, line:str):
        checks.append(line)
        print(f"{'ok  ' if ok else 'FAIL'} {line}", flush=True)
        if not ok: failures.append(line)

    model, _ = load_model(a.model)
    pictures = drawings(a.drawings, a.data)
    py_images = np.stack([mnist_like(d) for d in pictures])
    py_probs = predict(model, py_images, bf16=False)   # in 32 bits, as the exported model computes: a barely trained
                                                   # model's near-ties can fall the other way in bfloat16
    py_digits = py_probs.argmax(1)

    with tempfile.TemporaryDirectory(prefix='mnist-nb-page-') as tmp:
        write_page(a.model, tmp, a.ort, log=None)
        port = free_port()
        origin = f'http://127.0.0.1:{port}'
        with serving([sys.executable, '-m', 'http.server', '--bind', '127.0.0.1', '--directory', tmp, str(port)], origin + '/'), \
             chromium() as browser:
            page = browser.new_page(viewport={'width': 900, 'height': 800})
            requests, errors = [], []
            page.on('request', lambda r: requests.append(r.url))
            page.on('console', lambda m: errors.append(f'console: {m.text}') if m.type == 'error' else None)
            page.on('pageerror', lambda e: errors.append(f'page error: {e}'))
            page.goto(origin + '/index.html')
            page.wait_for_function('window.mnistNb !== undefined', timeout=60_000)
            page.evaluate('window.mnistNb.ready')

            # a. the same images and the same digits
            t0 = time.perf_counter()
            js = [page.evaluate("""async ([b64, side]) => {
                    const data = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                    const img = window.mnistNb.mnistLike({width: side, height: side, data});
                    return {img: Array.from(img), probs: await window.mnistNb.predict(img)};
                  }""", [base64.b64encode(d.tobytes()).decode(), SIZE]) for d in pictures]
            per_drawing = (time.perf_counter() - t0)/len(pictures)
            js_images = np.array([r['img'] for r in js], dtype=np.int64).reshape(py_images.shape)
            js_probs = np.array([r['probs'] for r in js])
            js_digits = js_probs.argmax(1)
            # the same images only where the preparations agree: elsewhere the probabilities are not comparable
            alike = (js_images == py_images).all((1, 2))
            prob_diff = float(np.abs(js_probs - py_probs)[alike].max()) if alike.any() else float('nan')
            diff = np.abs(js_images - py_images.astype(np.int64))
            max_diff, mean_diff = int(diff.max()), float(diff.mean())
            same = int((js_digits == py_digits).sum())
            report(max_diff <= MAX_DIFF and mean_diff <= MEAN_DIFF,
                   f'preparation: {len(pictures)} drawings of validation digits, JavaScript and Python images differ by '
                   f'at most {max_diff} (mean {mean_diff:.4f}) of 255; {(diff.max((1, 2)) > 0).sum()} images differ at all')
            report(same == len(pictures), f'prediction: onnxruntime-web and PyTorch agree on {same}/{len(pictures)} drawings '
                   f'(probabilities differ by at most {prob_diff:.1e} on the {alike.sum()} identical images; {per_drawing*1e3:.0f} ms '
                   f'a drawing, preparation and model, with the round trip to the browser)')

            # b. mouse strokes
            drawn = []
            for want, strokes in STROKES.items():
                page.click('#clear')
                draw(page, strokes)
                page.wait_for_function(SETTLED, timeout=20_000)
                canvas = np.array(page.evaluate(READ_PAD), dtype=np.uint8).reshape(SIZE, SIZE)
                py_image = mnist_like(canvas)
                py_digit = int(predict(model, py_image[None], bf16=False).argmax())
                shown = page.text_content('#prediction')
                js_image = np.array(page.evaluate(READ_INPUT), dtype=np.int64).reshape(28, 28)
                probs = json.loads(page.get_attribute('#probabilities', 'data-probabilities'))
                ok = (shown == str(py_digit) and np.abs(js_image - py_image).max() <= MAX_DIFF and len(probs) == 10
                      and abs(sum(probs) - 1) < 1e-4 and page.is_hidden('#hint'))
                drawn.append(f'{want}→{shown}')
                report(ok, f'mouse: a "{want}" drawn on #pad reads {shown!r} (Python: {py_digit}), #input differs from '
                           f'Python\'s image by at most {np.abs(js_image - py_image).max()}, {len(probs)} probabilities '
                           f'summing to {sum(probs):.6f}, #hint {"hidden" if page.is_hidden("#hint") else "shown"}')

            # c. Clear
            page.click('#clear')
            shown, hint = page.text_content('#prediction'), page.text_content('#hint')
            probs = page.get_attribute('#probabilities', 'data-probabilities')
            ink = max(page.evaluate(READ_PAD))
            report(shown == '' and hint == 'draw a digit' and page.is_visible('#hint') and probs == '[]' and ink == 0,
                   f'clear: #prediction {shown!r}, #hint {hint!r} ({"shown" if page.is_visible("#hint") else "hidden"}), '
                   f'data-probabilities {probs}, brightest pad pixel {ink}')

            # d. nothing from elsewhere, no errors
            outside = [u for u in requests if not u.startswith(origin + '/')]
            report(not outside, f'requests: {len(requests)}, all to {origin}' if not outside else f'requests outside {origin}: {outside}')
            report(not errors, 'console: no errors' if not errors else f'console: {errors}')
            page.close()

    print(f"{'FAILED' if failures else 'passed'}: {len(pictures)} drawings compared, images differ by at most {max_diff} "
          f"(mean {mean_diff:.4f}) of 255, predictions identical {same}/{len(pictures)}; mouse: {', '.join(drawn)}; "
          f"{len(failures)} of {len(checks)} checks failed")
    return 1 if failures else 0

if __name__ == '__main__': sys.exit(main())
