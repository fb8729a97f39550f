import { ProjectDonate } from './project-donate.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('project-donate')) customElements.define('project-donate', ProjectDonate);

export { ProjectDonate };
