/** Messages between the bench and its server process. */
import type { LoadFigures } from './load-spec.ts';

export const BENCH_ITEM = 'bench-sticker';
/** Ledger sizes whose first page is measured. */
export const LEDGER_SIZES = [0, 1_000, 10_000, 100_000] as const;
export const ledgerMember = (size: number) => `bench-ledger-${size}`;
export const benchMember = (i: number | '') => `bench-m${i}`;

export interface ServerReady {
  kind: 'ready';
  url: string;
  rssBytes: number;
  /** bench-m0 … bench-m{members-1} exist, each with plenty of coins. */
  members: number;
}

export type BenchRequest =
  | { kind: 'bare'; connections: number; durationMs: number; members: string[] }
  | { kind: 'seed-ledger'; others: number }
  | { kind: 'memory' }
  | { kind: 'stop' };

export type BenchReply =
  { kind: 'bare'; figures: LoadFigures } | { kind: 'seeded' } | { kind: 'memory'; rssBytes: number } | { kind: 'stopped' } | { kind: 'error'; message: string };
