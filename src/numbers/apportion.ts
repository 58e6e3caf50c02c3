/**
 * Whole numbers in proportion: `apportion(total, weights)` splits `total`
 * into integers proportional to `weights` that add up to `total` exactly
 * (Hamilton's largest-remainder method; ties go to the earlier entry).
 *
 * @example
 * apportion(10, [1, 1, 1]); // [4, 3, 3]
 * apportion(7, [0, 2, 5]);  // [0, 2, 5]
 */
export const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const ideal = weights.map((w) => (total * Math.max(0, w)) / sum);
  const out = ideal.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = ideal.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
};
