/**
 * Indices 0..n-1 ordered by `time` (stable: ties keep index order), for the replay index. A
 * least-significant-digit radix sort: a comparator sort of a million indices was most of the
 * index's time.
 *
 * Whole milliseconds (every log's times) are sorted as integers above the smallest: as many bits
 * as the span needs (a month: 32, a year: 35), in as few passes of at most 17 bits as cover them
 * (two passes for spans up to four years). Anything else (fractions, spans beyond 2^53) is
 * sorted on the doubles' bits, four passes of 16, passes where every key has the same digit
 * skipped.
 *
 * @example
 * sortedByTime(new Float64Array([30, 10, 20]), 3); // Uint32Array [1, 2, 0]
 */
export function sortedByTime(time: Float64Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && time[i] < time[i - 1]) sorted = false;
  }
  if (sorted) return order;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t < min) min = t;
    if (t > max) max = t;
    if (whole && t !== Math.floor(t)) whole = false;
  }
  const span = max - min;
  return whole && span < 2 ** 53 ? integerSort(time, n, min, span, order) : doubleSort(time, n, order);
}

/** Keys `time - min` as two 32-bit words, digits of `ceil(bits / passes)` bits. */
function integerSort(time: Float64Array, n: number, min: number, span: number, order: Uint32Array): Uint32Array {
  const bits = Math.max(1, Math.ceil(Math.log2(span + 1)));
  const passes = Math.ceil(bits / 17);
  const width = Math.ceil(bits / passes);
  const lo = new Uint32Array(n);
  const hi = bits > 32 ? new Uint32Array(n) : null;
  for (let i = 0; i < n; i++) {
    const k = time[i] - min;
    lo[i] = k >>> 0;
    if (hi) hi[i] = Math.floor(k / 4294967296);
  }
  const digits = new Uint32Array(n);
  const mask = (1 << width) - 1;
  let a: Uint32Array = order;
  let b: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(1 << width);
  for (let pass = 0; pass < passes; pass++) {
    const shift = pass * width;
    if (shift + width <= 32) for (let i = 0; i < n; i++) digits[i] = (lo[i] >>> shift) & mask;
    else if (shift >= 32) for (let i = 0; i < n; i++) digits[i] = ((hi as Uint32Array)[i] >>> (shift - 32)) & mask;
    else for (let i = 0; i < n; i++) digits[i] = ((lo[i] >>> shift) | ((hi as Uint32Array)[i] << (32 - shift))) & mask;
    if (scatter(digits, a, b, count, n)) [a, b] = [b, a];
  }
  return a;
}

/** Doubles as two 32-bit words that sort as unsigned integers (IEEE 754: flip negatives, set the sign bit of the rest). */
function doubleSort(time: Float64Array, n: number, order: Uint32Array): Uint32Array {
  const words = new Uint32Array(new Float64Array(time.subarray(0, n)).buffer);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~words[2 * i] >>> 0;
    } else words[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
  const digits = new Uint32Array(n);
  let a: Uint32Array = order;
  let b: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    for (let i = 0; i < n; i++) digits[i] = (words[2 * i + word] >>> shift) & 0xffff;
    if (scatter(digits, a, b, count, n)) [a, b] = [b, a];
  }
  return a;
}

/** One counting pass: `from` reordered by `digits` (of each index) into `to`; false (nothing written) when every digit is the same. */
function scatter(digits: Uint32Array, from: Uint32Array, to: Uint32Array, count: Uint32Array, n: number): boolean {
  count.fill(0);
  for (let i = 0; i < n; i++) count[digits[i]]++;
  if (count[digits[0]] === n) return false;
  let sum = 0;
  for (let d = 0; d < count.length; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  for (let k = 0; k < n; k++) {
    const i = from[k];
    to[count[digits[i]]++] = i;
  }
  return true;
}
