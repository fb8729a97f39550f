import { LevelProgress } from './level-progress.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('level-progress')) customElements.define('level-progress', LevelProgress);

export { LevelProgress };
