/**
 * Tells the page which face a data element shows, and reports its failures once.
 *
 * - The face is a custom state of the host (`coin-balance:state(loading)`,
 *   `member-level-badge:state(unknown)`), so a page can lay out around it, hide it, or wait
 *   for it in tests, without the element writing attributes onto itself.
 * - A failure fires one `rewards-error` from the host when it is first shown. Stores hand the
 *   same error object to every render, so re-rendering the error face reports nothing more; a
 *   new failure (after a retry) is a new object and is reported again.
 */
import { failureEvent, isAborted } from './failures.ts';

export class FaceState<Face extends string = string> {
  private shown?: Face;
  private lastError?: unknown;

  constructor(
    private readonly host: HTMLElement,
    private readonly internals: ElementInternals,
  ) {}

  /** The face set by the last `show`. */
  get face(): Face | undefined {
    return this.shown;
  }

  /** Marks `face` as the one on screen and reports `error` if it is new. Call from `updated()`. */
  show(face: Face, error?: unknown): void {
    if (face !== this.shown) {
      const states = this.internals.states;
      if (this.shown !== undefined) states.delete(this.shown);
      states.add(face);
      this.shown = face;
    }
    if (error !== undefined && error !== this.lastError && !isAborted(error)) {
      this.host.dispatchEvent(failureEvent(error, this.host.localName));
    }
    this.lastError = error;
  }
}
