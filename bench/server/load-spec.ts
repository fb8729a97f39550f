/** What the bench asks of the load process, and what it answers. */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  connections: number;
  durationMs: number;
  memberSecret: string;
  /** Requests go out as members `${prefix}0` … `${prefix}${count - 1}` in turn; none: unauthenticated. */
  members?: { prefix: string; count: number };
}

export interface LoadFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}
