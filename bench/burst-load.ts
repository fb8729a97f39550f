/**
 * One member's burst, in a process of its own so that it does not share the server's event loop:
 * `node --import tsx bench/burst-load.ts '<json BurstSpec>'`. Prints `go` when the burst starts,
 * then one JSON BurstFigures line when every request has been answered.
 */
import autocannon from 'autocannon';
import { signMemberToken } from '../src/server/http/member-token.ts';

export interface BurstSpec {
  url: string;
  memberSecret: string;
  memberId: string;
  requests: number;
  connections: number;
}

export interface BurstFigures {
  ms: number;
  /** Responses per HTTP status, e.g. { "200": 63, "429": 437 }. */
  statuses: Record<string, number>;
  errors: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as BurstSpec;
const authorization = `Bearer ${await signMemberToken(spec.memberSecret, spec.memberId, 3600)}`;
process.stdout.write('go\n');
const started = performance.now();
const result = await autocannon({
  url: `${spec.url}/v1/me`,
  connections: spec.connections,
  amount: spec.requests,
  // The run ends at the first sample after the last answer: sample often, so it ends with the burst.
  sampleInt: 10,
  headers: { authorization },
});
const figures: BurstFigures = {
  ms: performance.now() - started,
  statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count])),
  errors: result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
