/**
 * An element whose API is misconfigured (`api="rewards.example"`, a protocol-relative URL…)
 * stays on its loading face: the console says why, once per element and problem, so the page's
 * developer is not left guessing.
 */
const lastProblem = new WeakMap<Element, string | undefined>();

/** Warns about `problem` (from `RewardsConfigController#problem`) unless already warned for this element. */
export function warnConfigProblem(element: Element, problem: string | undefined): void {
  if (problem !== undefined && lastProblem.get(element) !== problem) console.warn(`member-rewards-kit: ${problem}`);
  lastProblem.set(element, problem);
}
