// Small statistics helpers: the machine is noisy, so every timing is a median (and p90) over repeats.

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (position - low);
}

export const median = (values: number[]): number => quantile(values, 0.5);
export const p90 = (values: number[]): number => quantile(values, 0.9);

export interface Spread {
  median: number;
  p90: number;
  n: number;
}

export function spread(values: number[]): Spread {
  return { median: round(median(values)), p90: round(p90(values)), n: values.length };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Least-squares slope of log(y) over log(x): the exponent k in y ~ x^k. */
export function logLogSlope(points: { x: number; y: number }[]): number {
  const usable = points.filter((point) => point.x > 0 && point.y > 0);
  if (usable.length < 2) return Number.NaN;
  const xs = usable.map((point) => Math.log(point.x));
  const ys = usable.map((point) => Math.log(point.y));
  const mx = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const my = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, index) => {
    num += (x - mx) * ((ys[index] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}
