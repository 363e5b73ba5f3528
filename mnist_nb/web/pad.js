// The drawing pad: a black canvas to draw a digit on, the 28×28 image the model sees, and its ten probabilities.
// Plain browser JavaScript with no imports and no build step, because the same file serves the static page
// (mnist_nb/web/index.html) and the Jupyter widget; the pad only draws and shows, it knows nothing of the model.

const SIZE = 280;     // the drawing canvas, in canvas pixels: ten per pixel of the 28×28 input
const STROKE = 18;    // pen width: after scaling to the 20-pixel box it is about as thick as MNIST's pen
const SIDE = 28;

// Injected once per document rather than shipped as a .css file, so the widget, which gets only this module, looks the same.
const CSS = `
.mnist-nb { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; font-family: system-ui, sans-serif; }
.mnist-nb .mnist-paper { position: relative; display: flex; flex-direction: column; gap: .5rem; align-items: flex-start; }
.mnist-nb .mnist-pad { width: ${SIZE}px; max-width: 100%; aspect-ratio: 1; background: #000; border-radius: 6px;
  touch-action: none; cursor: crosshair; display: block; }
.mnist-nb .mnist-hint { position: absolute; top: 0; left: 0; width: min(${SIZE}px, 100%); aspect-ratio: 1;
  display: flex; align-items: center; justify-content: center; color: #888; font-size: 1.2rem; pointer-events: none; }
.mnist-nb .mnist-hint[hidden] { display: none; }
.mnist-nb .mnist-clear { font: inherit; padding: .3rem 1rem; cursor: pointer; }
.mnist-nb .mnist-result { display: flex; flex-direction: column; gap: .5rem; min-width: 14rem; }
.mnist-nb .mnist-input { width: ${4 * SIDE}px; height: ${4 * SIDE}px; image-rendering: pixelated; background: #000;
  border: 1px solid #888; }
.mnist-nb .mnist-prediction { font-size: 3rem; font-weight: bold; line-height: 1; min-height: 3rem; }
.mnist-nb .mnist-probabilities { display: grid; grid-template-columns: 1.2em 1fr 4em; gap: 2px .4rem;
  align-items: center; font-size: .85rem; font-variant-numeric: tabular-nums; }
.mnist-nb .mnist-bar-digit { text-align: right; }
.mnist-nb .mnist-bar-track { height: .8rem; background: #8882; }
.mnist-nb .mnist-bar-fill { height: 100%; width: 0; background: #2a7ae2; }
.mnist-nb .mnist-bar-best .mnist-bar-fill { background: #e2572a; }
.mnist-nb .mnist-bar-percent { text-align: right; }
`;

function injectStyle(doc) {
  if (doc.getElementById('mnist-nb-style')) return;
  const style = doc.createElement('style');
  style.id = 'mnist-nb-style';
  style.textContent = CSS;
  doc.head.append(style);
}

function element(doc, tag, cls, id, ids) {
  const el = doc.createElement(tag);
  el.className = cls;
  if (ids && id) el.id = id;
  return el;
}

export function createPad(root, {onChange, ids = false} = {}) {
  const doc = root.ownerDocument;
  injectStyle(doc);

  const box = element(doc, 'div', 'mnist-nb');
  const paper = element(doc, 'div', 'mnist-paper');
  const canvas = element(doc, 'canvas', 'mnist-pad', 'pad', ids);
  canvas.width = canvas.height = SIZE;
  const hint = element(doc, 'div', 'mnist-hint', 'hint', ids);
  hint.textContent = 'draw a digit';
  const clear = element(doc, 'button', 'mnist-clear', 'clear', ids);
  clear.type = 'button';
  clear.textContent = 'Clear';
  paper.append(canvas, hint, clear);

  const result = element(doc, 'div', 'mnist-result');
  const input = element(doc, 'canvas', 'mnist-input', 'input', ids);
  input.width = input.height = SIDE;
  input.title = 'what the model sees: 28×28 pixels';
  const prediction = element(doc, 'div', 'mnist-prediction', 'prediction', ids);
  prediction.setAttribute('aria-live', 'polite');
  const probabilities = element(doc, 'div', 'mnist-probabilities', 'probabilities', ids);
  const bars = [];
  for (let d = 0; d < 10; d++) {
    const digit = element(doc, 'span', 'mnist-bar-digit');
    digit.textContent = d;
    const track = element(doc, 'div', 'mnist-bar-track');
    const fill = element(doc, 'div', 'mnist-bar-fill');
    track.append(fill);
    const percent = element(doc, 'span', 'mnist-bar-percent');
    // one element per bar, so a bar's digit and percentage read together (and style together)
    const bar = element(doc, 'div', 'mnist-bar');
    bar.style.display = 'contents';
    bar.append(digit, track, percent);
    probabilities.append(bar);
    bars.push({bar, fill, percent});
  }
  result.append(input, prediction, probabilities);
  box.append(paper, result);
  root.append(box);

  // willReadFrequently: every stroke ends with a getImageData, which is slow on a GPU-backed canvas
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const inputCtx = input.getContext('2d');

  function blankPaper() {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  }

  // What the model's preparation reads: one byte of brightness per pixel (Pillow's 'L' weights, though the strokes are grey anyway).
  function grey() {
    const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
    const data = new Uint8Array(SIZE * SIZE);
    for (let i = 0; i < data.length; i++) {
      data[i] = (rgba[4 * i] * 19595 + rgba[4 * i + 1] * 38470 + rgba[4 * i + 2] * 7471 + 0x8000) >> 16;
    }
    return {width: SIZE, height: SIZE, data};
  }

  // The canvas may be shown smaller than SIZE (max-width on a phone): map the pointer into canvas pixels.
  function point(e) {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * SIZE / r.width, (e.clientY - r.top) * SIZE / r.height];
  }

  let pointer = null, last = null;   // the pointer drawing now (one at a time: a second finger is ignored)

  function segment(to) {
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...to);
    ctx.stroke();
    last = to;
  }

  canvas.addEventListener('pointerdown', e => {
    if (pointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    pointer = e.pointerId;
    canvas.setPointerCapture(e.pointerId);   // keep the stroke when the pen leaves the canvas and comes back
    e.preventDefault();
    Object.assign(ctx, {strokeStyle: '#fff', lineWidth: STROKE, lineCap: 'round', lineJoin: 'round'});
    last = point(e);
    segment(last);   // a zero-length round-capped line: a tap leaves a dot
    hint.hidden = true;
  });
  canvas.addEventListener('pointermove', e => {
    if (e.pointerId !== pointer) return;
    // a fast stroke delivers several positions per frame: use them all, or curves turn into polygons
    const coalesced = e.getCoalescedEvents?.() ?? [];   // some browsers give none, not even the event itself
    for (const c of coalesced.length ? coalesced : [e]) segment(point(c));
  });
  const finish = e => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    onChange?.(grey());
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  clear.addEventListener('click', () => {
    blankPaper();
    show(null, null);
    onChange?.(null);
  });

  function show(image28, probs) {
    const blank = !image28 || !probs;
    hint.hidden = !blank || pointer !== null;
    const pixels = inputCtx.createImageData(SIDE, SIDE);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const v = blank ? 0 : image28[i];
      pixels.data.set([v, v, v, 255], 4 * i);
    }
    inputCtx.putImageData(pixels, 0, 0);
    const p = blank ? [] : Array.from(probs, Number);
    const best = blank ? -1 : p.indexOf(Math.max(...p));
    prediction.textContent = blank ? '' : String(best);
    probabilities.dataset.probabilities = JSON.stringify(p);
    bars.forEach(({bar, fill, percent}, d) => {
      fill.style.width = blank ? '0' : `${(100 * p[d]).toFixed(1)}%`;
      percent.textContent = blank ? '' : `${(100 * p[d]).toFixed(1)}%`;
      bar.classList.toggle('mnist-bar-best', d === best);
    });
  }

  blankPaper();
  show(null, null);
  return {canvas, show};
}
