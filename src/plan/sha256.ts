/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, in plain TypeScript: the
 * same digest in Node and the browser, with no native code and no async
 * WebCrypto (a plan's hash is computed synchronously, like everything else
 * in jobmatch).
 *
 * @example
 * sha256("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const encoder = new TextEncoder();
/** A scratch buffer for the UTF-8 bytes of the string being hashed, grown as needed (hashing is synchronous, so one buffer serves every call). */
let scratch = new Uint8Array(1 << 16);
const W = new Int32Array(64);
const H = new Int32Array(8);
const tail = new Uint8Array(128);

/** Hashes the 64-byte block of `bytes` at `offset` into H. */
const block = (bytes: Uint8Array, offset: number): void => {
  const w = W;
  for (let i = 0, j = offset; i < 16; i++, j += 4) {
    w[i] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number;
    const y = w[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = H[0] as number, b = H[1] as number, c = H[2] as number, d = H[3] as number;
  let e = H[4] as number, f = H[5] as number, g = H[6] as number, k = H[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (k + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
  H[5] = ((H[5] as number) + f) | 0;
  H[6] = ((H[6] as number) + g) | 0;
  H[7] = ((H[7] as number) + k) | 0;
};

/** The digest of the first `length` bytes of `bytes`, as 64 lower-case hex digits. */
const digest = (bytes: Uint8Array, length: number): string => {
  H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const whole = length - (length % 64);
  for (let offset = 0; offset < whole; offset += 64) block(bytes, offset);
  // The last bytes, the 0x80 byte, zero padding and the 64-bit length: one or two blocks.
  const rest = length - whole;
  tail.fill(0);
  tail.set(bytes.subarray(whole, length));
  tail[rest] = 0x80;
  const end = rest + 9 <= 64 ? 64 : 128;
  const bits = length * 8;
  const high = Math.floor(bits / 2 ** 32);
  const low = bits >>> 0;
  tail[end - 8] = high >>> 24;
  tail[end - 7] = (high >>> 16) & 0xff;
  tail[end - 6] = (high >>> 8) & 0xff;
  tail[end - 5] = high & 0xff;
  tail[end - 4] = low >>> 24;
  tail[end - 3] = (low >>> 16) & 0xff;
  tail[end - 2] = (low >>> 8) & 0xff;
  tail[end - 1] = low & 0xff;
  block(tail, 0);
  if (end === 128) block(tail, 64);
  let hex = "";
  for (let i = 0; i < 8; i++) hex += ((H[i] as number) >>> 0).toString(16).padStart(8, "0");
  return hex;
};

/** The digest of `bytes`, as 64 lower-case hex digits. */
export const sha256Bytes = (bytes: Uint8Array): string => digest(bytes, bytes.length);

/** Room for `more` bytes after the first `used` of the scratch buffer (grown, keeping those bytes, if needed). */
const reserve = (used: number, more: number): Uint8Array => {
  if (scratch.length < used + more) {
    const grown = new Uint8Array(Math.max(used + more, scratch.length * 2));
    grown.set(scratch.subarray(0, used));
    scratch = grown;
  }
  return scratch;
};

/** The digest of a string's UTF-8 bytes, as 64 lower-case hex digits. */
export const sha256 = (text: string): string => {
  // At most three bytes per UTF-16 unit (a surrogate pair, two units, is four bytes).
  const { written } = encoder.encodeInto(text, reserve(0, text.length * 3));
  return digest(scratch, written);
};

/**
 * The digest of the UTF-8 bytes of `head`, then for each list a newline and
 * its strings joined by commas: `sha256(head + "\n" + lists[0].join(",") +
 * ...)`, without building that string. The listed strings must be ASCII (as
 * hex digests are): they are copied code unit by code unit.
 */
export const sha256Lists = (head: string, lists: readonly (readonly string[])[]): string => {
  let n = encoder.encodeInto(head, reserve(0, head.length * 3)).written;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l] as readonly string[];
    let size = 1;
    for (let i = 0; i < list.length; i++) size += (list[i] as string).length + 1;
    const bytes = reserve(n, size);
    bytes[n++] = 0x0a;
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as string;
      if (i > 0) bytes[n++] = 0x2c;
      for (let k = 0; k < item.length; k++) bytes[n++] = item.charCodeAt(k);
    }
  }
  return digest(scratch, n);
};
