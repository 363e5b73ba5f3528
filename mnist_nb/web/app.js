// The page: the pad, the preparation and the model, put together. The model runs in the browser with onnxruntime-web's
// plain WebAssembly backend; everything it needs lies next to this file, so the page works from any static server.
import * as ort from './ort.wasm.bundle.min.mjs';
import {createPad} from './pad.js';
import {mnistLike} from './prepare.js';

const here = new URL('./', import.meta.url).href;
// The .wasm from this folder, not from a CDN. Only the .wasm is named: a folder prefix would also make the bundle
// fetch the Emscripten glue (ort-wasm-simd-threaded.mjs) that it carries inside already.
ort.env.wasm.wasmPaths = {wasm: new URL('ort-wasm-simd-threaded.wasm', here).href};
// Threads need SharedArrayBuffer, which browsers grant only to cross-origin-isolated pages; a plain static server
// (python -m http.server, GitHub Pages) sends no such headers, and one thread is plenty for one small image.
ort.env.wasm.numThreads = 1;

const session = ort.InferenceSession.create(new URL('model.onnx', here).href, {executionProviders: ['wasm']});

async function predict(image28) {
  const pixels = Float32Array.from(image28, v => v / 255);   // the model takes the 0..1 scale, as DigitBatches makes it
  const out = await (await session).run({pixels: new ort.Tensor('float32', pixels, [1, 1, 28, 28])});
  return Array.from(out.probabilities.data);
}

let latest = 0;   // a slow answer to an older stroke must not overwrite the answer to the newest
const pad = createPad(document.querySelector('main'), {
  ids: true,
  async onChange(grey) {
    const turn = ++latest;
    const image28 = grey && mnistLike(grey);
    if (!image28) return pad.show(null, null);
    const probs = await predict(image28);
    if (turn === latest) pad.show(image28, probs);
  },
});

session.catch(e => {
  const p = Object.assign(document.createElement('p'), {className: 'mnist-error', textContent: `The model could not be loaded: ${e.message}`});
  document.querySelector('main').prepend(p);
});

window.mnistNb = {mnistLike, predict, ready: session.then(() => true)};
