// Appended, with the loader of the rest, to the glue of a bundle whose rest has an integrity value
// (the npm package's element): the synchronous request for the rest cannot use the browser's
// integrity check or `crypto.subtle` (both asynchronous), so it checks the bytes itself.
/** The `sha384-…` integrity value of `bytes` (SHA-384, FIPS 180-4). Its constants are computed
 * as the standard defines them: the first 64 bits of the fractional parts of the cube roots of
 * the first 80 primes (K) and of the square roots of the 9th to 16th primes (H). Words are
 * pairs of 32-bit integers, high then low. */
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
  // For each prime p: floor(frac(p^(1/k)) * 2^64) = floor((p * 2^(64k))^(1/k)) mod 2^64.
  const words = (list, k) => {
    const out = new Int32Array(list.length * 2);
    list.forEach((p, i) => {
      const v = root(BigInt(p) << BigInt(64 * k), k) & 0xffffffffffffffffn;
      out[2 * i] = Number(v >> 32n);
      out[2 * i + 1] = Number(v & 0xffffffffn);
    });
    return out;
  };
  const K = words(primes, 3);
  const H = words(primes.slice(8, 16), 2);
  const TWO32 = 4294967296;
  // Padding: 0x80, zeros, and the length in bits (128 bits, big-endian), to whole 128-byte blocks.
  const total = Math.ceil((bytes.length + 17) / 128) * 128;
  const m = new Uint8Array(total);
  m.set(bytes);
  m[bytes.length] = 0x80;
  const view = new DataView(m.buffer);
  const bits = bytes.length * 8;
  view.setUint32(total - 8, Math.floor(bits / TWO32));
  view.setUint32(total - 4, bits >>> 0);
  const W = new Int32Array(160);
  for (let off = 0; off < total; off += 128) {
    for (let i = 0; i < 32; i++) W[i] = view.getInt32(off + 4 * i);
    for (let i = 32; i < 160; i += 2) {
      // σ0 of word t-15: ROTR 1, ROTR 8, SHR 7; σ1 of word t-2: ROTR 19, ROTR 61, SHR 6.
      let h = W[i - 30], l = W[i - 29];
      const s0h = (h >>> 1 | l << 31) ^ (h >>> 8 | l << 24) ^ (h >>> 7);
      const s0l = (l >>> 1 | h << 31) ^ (l >>> 8 | h << 24) ^ (l >>> 7 | h << 25);
      h = W[i - 4]; l = W[i - 3];
      const s1h = (h >>> 19 | l << 13) ^ (l >>> 29 | h << 3) ^ (h >>> 6);
      const s1l = (l >>> 19 | h << 13) ^ (h >>> 29 | l << 3) ^ (l >>> 6 | h << 26);
      // + word t-7 + word t-16
      const lo = (s0l >>> 0) + (s1l >>> 0) + (W[i - 13] >>> 0) + (W[i - 31] >>> 0);
      W[i + 1] = lo;
      W[i] = s0h + s1h + W[i - 14] + W[i - 32] + Math.floor(lo / TWO32);
    }
    let [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl] = H;
    for (let i = 0; i < 160; i += 2) {
      // Σ1(e): ROTR 14, 18, 41; Ch(e, f, g).
      const S1h = (eh >>> 14 | el << 18) ^ (eh >>> 18 | el << 14) ^ (el >>> 9 | eh << 23);
      const S1l = (el >>> 14 | eh << 18) ^ (el >>> 18 | eh << 14) ^ (eh >>> 9 | el << 23);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[i + 1] >>> 0) + (W[i + 1] >>> 0);
      const t1h = (hh + S1h + chh + K[i] + W[i] + Math.floor(t1l / TWO32)) | 0;
      // Σ0(a): ROTR 28, 34, 39; Maj(a, b, c).
      const S0h = (ah >>> 28 | al << 4) ^ (al >>> 2 | ah << 30) ^ (al >>> 7 | ah << 25);
      const S0l = (al >>> 28 | ah << 4) ^ (ah >>> 2 | al << 30) ^ (ah >>> 7 | al << 25);
      const mh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const ml = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (ml >>> 0);
      const t2h = (S0h + mh + Math.floor(t2l / TWO32)) | 0;
      hh = gh; hl = gl; gh = fh; gl = fl; fh = eh; fl = el;
      const e = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(e / TWO32)) | 0; el = e | 0;
      dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
      const a = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(a / TWO32)) | 0; al = a | 0;
    }
    [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl].forEach((v, j) => {
      if (j % 2) {
        const lo = (H[j] >>> 0) + (v >>> 0);
        H[j] = lo;
        H[j - 1] += Math.floor(lo / TWO32);
      } else {
        H[j] += v;
      }
    });
  }
  // SHA-384: the first six words, big-endian.
  const out = new DataView(new ArrayBuffer(48));
  for (let i = 0; i < 12; i++) out.setInt32(4 * i, H[i]);
  return "sha384-" + btoa(String.fromCharCode(...new Uint8Array(out.buffer)));
}
