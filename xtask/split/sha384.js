// Appended, with the loader of the rest, to the glue of a bundle whose rest has an integrity value
// (the npm package's element): the synchronous request for the rest cannot use the browser's
// integrity check or `crypto.subtle` (both asynchronous), so it checks the bytes itself.
/** The `sha384-…` integrity value of `bytes` (SHA-384, FIPS 180-4). Its constants are computed
 * as the standard defines them: the first 64 bits of the fractional parts of the cube roots of
 * the first 80 primes (K) and of the square roots of the 9th to 16th primes (H). Words are
 * pairs of 32-bit integers, high then low. Written for size, not speed (it ships in the partner
 * module's first load): about 75 ms for the element's 221 KB rest on a desktop, once, and only
 * when the rest comes by the synchronous request. */
function sha384(bytes) {
  const primes = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p)) primes.push(n);
  // floor(x^(1/k)) for a BigInt x, by Newton's method from above.
  const root = (x, k) => {
    const K = BigInt(k);
    let r = 1n << BigInt(Math.ceil(x.toString(2).length / k) + 1);
    for (;;) {
      const next = ((K - 1n) * r + x / r ** (K - 1n)) / K;
      if (next >= r) return r;
      r = next;
    }
  };
  // For each prime p: floor(frac(p^(1/k)) * 2^64) = floor((p * 2^(64k))^(1/k)) mod 2^64,
  // as a word: [high 32 bits, low 32 bits].
  const words = (list, k) => list.map((p) => {
    const v = root(BigInt(p) << BigInt(64 * k), k);
    return [Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v))];
  });
  const K = words(primes, 3);
  const H = words(primes.slice(8, 16), 2);
  // 64-bit words as [high, low] pairs of 32-bit integers: their sum (mod 2^64), rotation and
  // shift right, bitwise operations.
  const add = (...words) => {
    let hi = 0, lo = 0;
    for (const [h, l] of words) { hi += h; lo += l >>> 0; }
    return [(hi + Math.floor(lo / 4294967296)) | 0, lo | 0];
  };
  const rotr = ([h, l], n) => (n < 32 ? [h >>> n | l << 32 - n, l >>> n | h << 32 - n]
    : [l >>> n - 32 | h << 64 - n, h >>> n - 32 | l << 64 - n]);
  const shr = ([h, l], n) => [h >>> n, l >>> n | h << 32 - n];
  const bits = (f, ...words) => [f(...words.map((w) => w[0])), f(...words.map((w) => w[1]))];
  const xor = (...words) => bits((...v) => v.reduce((x, y) => x ^ y), ...words);
  // Padding: 0x80, zeros, and the length in bits (128 bits, big-endian), to whole 128-byte blocks.
  const total = Math.ceil((bytes.length + 17) / 128) * 128;
  const m = new Uint8Array(total);
  m.set(bytes);
  m[bytes.length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(total - 8, bytes.length / 536870912);
  view.setUint32(total - 4, bytes.length * 8);
  for (let off = 0; off < total; off += 128) {
    const W = [];
    for (let t = 0; t < 80; t++) {
      W[t] = t < 16 ? [view.getInt32(off + 8 * t), view.getInt32(off + 8 * t + 4)]
        // σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
        : add(xor(rotr(W[t - 2], 19), rotr(W[t - 2], 61), shr(W[t - 2], 6)), W[t - 7],
          xor(rotr(W[t - 15], 1), rotr(W[t - 15], 8), shr(W[t - 15], 7)), W[t - 16]);
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let t = 0; t < 80; t++) {
      // Σ1(e), Ch(e, f, g); Σ0(a), Maj(a, b, c).
      const t1 = add(h, xor(rotr(e, 14), rotr(e, 18), rotr(e, 41)),
        bits((x, y, z) => (x & y) ^ (~x & z), e, f, g), K[t], W[t]);
      const t2 = add(xor(rotr(a, 28), rotr(a, 34), rotr(a, 39)),
        bits((x, y, z) => (x & y) ^ (x & z) ^ (y & z), a, b, c));
      [h, g, f, e, d, c, b, a] = [g, f, e, add(d, t1), c, b, a, add(t1, t2)];
    }
    H.forEach((w, i) => { H[i] = add(w, [a, b, c, d, e, f, g, h][i]); });
  }
  // SHA-384: the first six words, big-endian.
  const out = new DataView(new ArrayBuffer(48));
  for (let i = 0; i < 6; i++) { out.setInt32(8 * i, H[i][0]); out.setInt32(8 * i + 4, H[i][1]); }
  return "sha384-" + btoa(String.fromCharCode(...new Uint8Array(out.buffer)));
}
