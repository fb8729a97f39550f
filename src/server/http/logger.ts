/** Structured logging: one JSON object per line, so log collectors can index every field. */

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogRecord {
  time: string;
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Field names whose values never reach a log line, whoever passes them. */
const SECRET_FIELD = /authorization|api[-_]?key|token|secret|password|cookie/i;

function sanitize(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'time' || key === 'level' || key === 'msg') continue;
    if (SECRET_FIELD.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message, stack: value.stack };
    else out[key] = value;
  }
  return out;
}

function recordLogger(sink: (record: LogRecord) => void, now: () => Date): Logger {
  const emit =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      sink({ time: now().toISOString(), level, msg, ...sanitize(fields) });
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** Writes JSON lines; to stdout unless told otherwise. */
export function createJsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), now: () => Date = () => new Date()): Logger {
  return recordLogger((record) => write(JSON.stringify(record)), now);
}

/** Keeps records in memory, for tests that assert what was logged. */
export function createCapturingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  return {
    ...recordLogger(
      (record) => records.push(record),
      () => new Date(),
    ),
    records,
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
