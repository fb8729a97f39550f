/**
 * The server section of the bench alone: `node --import tsx bench/server/run-alone.ts`
 * (DATABASE_URL adds PostgreSQL; BENCH_OUT names the JSON written, bench/report-server.json by default).
 */
import { writeFileSync } from 'node:fs';
import { benchServer } from './index.ts';
const result = await benchServer({ durationMs: Number(process.env.BENCH_DURATION_MS ?? 3000), connections: [8, 32] });
for (const b of result.budgets) console.log(`  ${b.kind === 'max' ? (b.actual <= b.limit ? 'ok  ' : 'MISS') : (b.actual >= b.limit ? 'ok  ' : 'MISS')} ${b.name}: ${b.actual.toFixed(2)}`);
writeFileSync(process.env.BENCH_OUT ?? 'bench/report-server.json', JSON.stringify(result, null, 2));
