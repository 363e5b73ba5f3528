// Make a drawing look like an MNIST digit, exactly as Python's `mnist_nb.digits.mnist_like` does, so the page's model sees
// what the package's model would. Each function mirrors the Python one of the same name (ink_bright → inkBright, ...);
// read them side by side. Images are {width, height, data}, row by row, as the pad's onChange hands them over.
//
// Where NumPy computes in float32 we round to float32 too (Math.fround), and where Python rounds half to even we do,
// because a value landing on the other side of a rounding step would be a visible one-level difference.

export const MIN_INK = 24;   // the strongest ink must stand out this far from the paper (out of 255), or the picture is blank
export const BOX = 20;       // MNIST's digits fit a BOX×BOX square inside the SIDE×SIDE image
export const SIDE = 28;
export const CENTRE = 14;    // where MNIST puts the centre of mass: row 14, column 14, counting from 0

const f32 = Math.fround;

// Python's round() and NumPy's np.round both round halves to the even neighbour.
function roundHalfEven(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// np.median: the middle value, or the mean of the two middle ones.
function median(values) {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function image(width, height, data) { return {width, height, data}; }

export function border({width: w, height: h, data}, frac = 0.02) {
  const k = Math.max(1, roundHalfEven(frac * Math.min(w, h)));
  const out = [];
  const take = (r0, r1, c0, c1) => {
    for (let r = Math.max(r0, 0); r < Math.min(r1, h); r++)
      for (let c = Math.max(c0, 0); c < Math.min(c1, w); c++) out.push(data[r * w + c]);
  };
  take(0, k, 0, w);              // a[:k]
  take(h - k, h, 0, w);          // a[-k:]
  take(k, h - k, 0, k);          // a[k:-k, :k]
  take(k, h - k, w - k, w);      // a[k:-k, -k:]
  return out;
}

export function inkBright(grey) {
  const paper = median(border(grey));
  let lo = 255, hi = 0;
  for (const v of grey.data) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(paper - lo > hi - paper)) return grey;
  return image(grey.width, grey.height, grey.data.map(v => 255 - v));
}

export function removePaper(bright, nSigma = 3) {
  // NumPy keeps the border, its median and the grain in float32: so do we
  const edge = Float32Array.from(border(bright));
  const paper = f32(median(edge));
  const grain = f32(1.4826 * f32(median(edge.map(v => Math.abs(v - paper)))));
  const level = f32(nSigma * grain);
  const data = new Float32Array(bright.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, f32(f32(bright.data[i] - paper) - level));
  return image(bright.width, bright.height, data);
}

// scipy's ndimage.label with a 3×3 structure: pixels touching by a side or a corner are one blob.
// Returns the blob of each pixel (0: none) and each blob's ink (index 0 unused), summed in float64 as ndimage.sum does.
function label({width: w, height: h, data}, mask) {
  const blobs = new Int32Array(w * h);
  const mass = [0];
  const stack = [];
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || blobs[start]) continue;
    const n = mass.length;
    let sum = 0;
    blobs[start] = n;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop(), r = (p / w) | 0, c = p % w;
      sum += data[p];
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr, cc = c + dc, q = rr * w + cc;
        if (rr >= 0 && rr < h && cc >= 0 && cc < w && mask[q] && !blobs[q]) { blobs[q] = n; stack.push(q); }
      }
    }
    mass.push(sum);
  }
  return {blobs, mass};
}

// Python also warns when the blobs look like several digits side by side (`digits_side_by_side`); that changes nothing
// in the result, so the page does without it. A blank picture, where Python raises ImageError, gives null.
export function cropToInk(ink, threshold = 0.25, minBlob = 0.05) {
  const {width: w, height: h, data} = ink;
  let top = 0;
  for (const v of data) if (v > top) top = v;
  if (top < MIN_INK) return null;
  const cut = f32(threshold * top);
  const {blobs, mass} = label(ink, data.map(v => v > cut ? 1 : 0));
  const biggest = mass.reduce((a, b) => Math.max(a, b));
  const kept = mass.map(m => m >= minBlob * biggest);
  // the specks go with a one-pixel margin (scipy's binary_dilation, whose default structure is the 4-neighbour cross),
  // so their anti-aliased fringe, below the threshold, goes too
  const specks = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) {
    if (!blobs[p] || kept[blobs[p]]) continue;
    const r = (p / w) | 0, c = p % w;
    specks[p] = 1;
    if (r > 0) specks[p - w] = 1;
    if (r < h - 1) specks[p + w] = 1;
    if (c > 0) specks[p - 1] = 1;
    if (c < w - 1) specks[p + 1] = 1;
  }
  let r0 = h, r1 = -1, c0 = w, c1 = -1;   // the box around the kept blobs
  for (let p = 0; p < w * h; p++) {
    if (!blobs[p] || !kept[blobs[p]]) continue;
    const r = (p / w) | 0, c = p % w;
    r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
  }
  const cw = c1 - c0 + 1, ch = r1 - r0 + 1;
  const crop = new Float32Array(cw * ch);
  let most = 0;
  for (let r = 0; r < ch; r++) for (let c = 0; c < cw; c++) {
    const p = (r + r0) * w + c + c0;
    const v = specks[p] ? 0 : data[p];
    crop[r * cw + c] = v;
    if (v > most) most = v;
  }
  const scale = f32(255 / most);
  for (let i = 0; i < crop.length; i++) crop[i] = f32(crop[i] * scale);
  return image(cw, ch, crop);
}

// Pillow's LANCZOS filter: sinc windowed by a sinc three times wider (src/libImaging/Resample.c).
function lanczos(x) {
  const sinc = x => x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  return -3 <= x && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}

// Pillow's precompute_coeffs: for each output pixel, the first input pixel it reads and its normalised weights.
// When shrinking, the filter is stretched by the shrink factor, which is what makes the result anti-aliased.
function coefficients(inSize, outSize, support = 3) {
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const reach = support * filterscale;
  const ss = 1 / filterscale;   // Pillow multiplies by the reciprocal: dividing would round differently
  const taps = [];
  for (let xx = 0; xx < outSize; xx++) {
    const centre = (xx + 0.5) * scale;
    const xmin = Math.max(0, Math.trunc(centre - reach + 0.5));   // C's (int) cast truncates
    const xmax = Math.min(inSize, Math.trunc(centre + reach + 0.5));
    const k = [];
    let total = 0;
    for (let x = xmin; x < xmax; x++) {
      const wgt = lanczos((x - centre + 0.5) * ss);
      k.push(wgt);
      total += wgt;
    }
    taps.push({first: xmin, k: total !== 0 ? k.map(v => v / total) : k});
  }
  return taps;
}

// Image.resize(size, LANCZOS) of a mode 'F' image: a horizontal pass, then a vertical one, each skipped when that side
// keeps its length (as Pillow skips it: a 1:1 Lanczos pass is not an exact copy). Sums in double, pixels in float32.
function resizeLanczos({width: w, height: h, data}, outW, outH) {
  let cur = data, cw = w;
  if (outW !== w) {
    const taps = coefficients(w, outW);
    const next = new Float32Array(outW * h);
    for (let y = 0; y < h; y++) for (let xx = 0; xx < outW; xx++) {
      const {first, k} = taps[xx];
      let ss = 0;
      for (let i = 0; i < k.length; i++) ss += cur[y * cw + first + i] * k[i];
      next[y * outW + xx] = ss;
    }
    cur = next; cw = outW;
  }
  if (outH !== h) {
    const taps = coefficients(h, outH);
    const next = new Float32Array(cw * outH);
    for (let yy = 0; yy < outH; yy++) {
      const {first, k} = taps[yy];
      for (let x = 0; x < cw; x++) {
        let ss = 0;
        for (let i = 0; i < k.length; i++) ss += cur[(first + i) * cw + x] * k[i];
        next[yy * cw + x] = ss;
      }
    }
    cur = next;
  }
  return image(cw, outH, Float32Array.from(cur));
}

export function fitBox(crop, box = BOX) {
  const {width: w, height: h} = crop;
  const scale = box / Math.max(h, w);
  const small = resizeLanczos(crop, Math.max(1, roundHalfEven(w * scale)), Math.max(1, roundHalfEven(h * scale)));
  let most = 0;
  for (let i = 0; i < small.data.length; i++) {
    small.data[i] = Math.max(0, small.data[i]);   // Lanczos rings below zero next to strong ink
    if (small.data[i] > most) most = small.data[i];
  }
  if (most > 0) {
    const k = f32(255 / most);
    for (let i = 0; i < small.data.length; i++) small.data[i] = f32(small.data[i] * k);
  }
  return small;
}

export function centreOfMass({width: w, height: h, data}) {
  let total = 0, rows = 0, cols = 0;
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) {
    const v = data[r * w + c];
    total += v; rows += v * r; cols += v * c;
  }
  return [rows / total, cols / total];
}

// Whole-pixel shifts, as MNIST: the pixels themselves stay as fitBox made them.
export function centreByMass(digit, side = SIDE, centre = CENTRE) {
  const {width: w, height: h, data} = digit;
  const [r, c] = centreOfMass(digit);
  const place = (m, n) => Math.min(Math.max(Math.floor(centre - m + 0.5), 0), side - n);
  const top = place(r, h), left = place(c, w);
  const out = new Uint8Array(side * side);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    out[(top + y) * side + left + x] = Math.min(Math.max(roundHalfEven(data[y * w + x]), 0), 255);
  }
  return out;
}

// Python's mnist_steps first shrinks pictures whose longer side is 2,000 pixels or more (by side // 1000); the pad is
// 280 pixels, so that step never applies here, and a picture that big is refused rather than prepared differently.
export function mnistLike(grey) {
  if (Math.max(grey.width, grey.height) >= 2000) throw new RangeError('mnistLike: pictures of 2,000 pixels or more are not supported');
  if (grey.data.length !== grey.width * grey.height) throw new RangeError('mnistLike: data must hold width×height bytes');
  const crop = cropToInk(removePaper(inkBright(grey)));
  return crop && centreByMass(fitBox(crop));
}
