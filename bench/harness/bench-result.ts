import { z } from 'zod';

/** One measured figure, with what it is judged against when there is something to judge it against. */
export const BenchFigureSchema = z.strictObject({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  /** Which direction is good: most figures are times (lower). */
  better: z.enum(['lower', 'higher']),
  /** A floor or reference measured in the same run on the same machine. */
  reference: z.strictObject({ name: z.string(), value: z.number() }).optional(),
  /** A target the figure must meet, e.g. "at most 1.5 times the floor". */
  target: z.strictObject({ description: z.string(), met: z.boolean() }).optional(),
});
export type BenchFigure = z.infer<typeof BenchFigureSchema>;

export const BenchSuiteResultSchema = z.strictObject({
  suite: z.string(),
  /** ISO time of the run. */
  measuredAt: z.string(),
  machine: z.strictObject({ cpus: z.number(), memoryGiB: z.number(), node: z.string() }),
  figures: z.array(BenchFigureSchema),
  notes: z.array(z.string()),
});
export type BenchSuiteResult = z.infer<typeof BenchSuiteResultSchema>;

/** What a benchmark file exports as default: it measures and returns figures and notes. */
export type Benchmark = () => Promise<{ figures: BenchFigure[]; notes?: string[] }>;

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
