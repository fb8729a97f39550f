/**
 * An element given an unusable attribute (`price="12.5"`, no `project`) says why in the console,
 * once per element and problem, apart from the configuration warning the base class gives.
 */
const lastProblem = new WeakMap<Element, string | undefined>();

/** Warns about `problem` unless already warned for this element; `undefined` clears it. */
export function warnInputProblem(element: Element, problem: string | undefined): void {
  if (problem !== undefined && lastProblem.get(element) !== problem) console.warn(`member-rewards-kit: ${problem}`);
  lastProblem.set(element, problem);
}
