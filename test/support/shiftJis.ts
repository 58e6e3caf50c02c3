/**
 * Text to Shift-JIS bytes, for tests (TextEncoder only writes UTF-8): the
 * table is built by decoding every one- and two-byte Shift-JIS sequence with
 * the platform's own decoder, so a file written here is what Japanese Excel
 * would save.
 */
let table: Map<string, number[]> | undefined;

const build = (): Map<string, number[]> => {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const map = new Map<string, number[]>();
  const put = (bytes: number[]): void => {
    try {
      const ch = decoder.decode(new Uint8Array(bytes));
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // not a character
    }
  };
  for (let b = 0; b < 0x80; b++) put([b]);
  for (let b = 0xa1; b <= 0xdf; b++) put([b]);
  for (const lead of [...Array(0x1f).keys()].map((k) => 0x81 + k).concat([...Array(0x1d).keys()].map((k) => 0xe0 + k))) {
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) put([lead, trail]);
  }
  return map;
};

/** The Shift-JIS bytes of `text`; throws on a character Shift-JIS cannot hold. */
export const shiftJis = (text: string): Uint8Array => {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (bytes === undefined) throw new Error(`no Shift-JIS form for ${JSON.stringify(ch)}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
};
