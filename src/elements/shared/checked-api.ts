/**
 * `apiProblem` and `normalizeApi`, with their answers kept: both parse URLs, and a page of a
 * thousand elements asks about one or two.
 */
import { apiProblem, normalizeApi } from '../../store/config.ts';

const problems = new Map<string, string | undefined>();
const normalized = new Map<string, string>();

/** Why `api` is not usable (see `apiProblem`), or `undefined`. */
export function checkedApi(api: string): string | undefined {
  if (!problems.has(api)) {
    if (problems.size >= 64) problems.clear();
    problems.set(api, apiProblem(api));
  }
  return problems.get(api);
}

/** `api` made absolute against `base` (see `normalizeApi`); `base` is empty for an absolute `api`, which needs none. */
export function normalizedApi(api: string, base: string): string {
  const key = base ? `${base} ${api}` : api;
  let value = normalized.get(key);
  if (value === undefined) {
    if (normalized.size >= 64) normalized.clear();
    normalized.set(key, (value = normalizeApi(api, base || api)));
  }
  return value;
}
