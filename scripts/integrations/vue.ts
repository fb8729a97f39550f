/**
 * Vue's `GlobalComponents` for the elements. Written here rather than by
 * custom-element-vuejs-integration, which imports an event class once per element (a duplicate
 * identifier) and types events as `CustomEvent<…>`: ours are `Event` subclasses.
 */
import { attributeType, eventPropName, type Element } from './manifest.ts';

interface VueOptions {
  packageName: string;
  elementEntry: (tag: string) => string;
}

const doc = (text: string | undefined, indent: string): string =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';

export function vueTypes(elements: Element[], eventClasses: string[], options: VueOptions): string {
  const lines = ['// Generated from custom-elements.json by scripts/integrations/generate.ts: do not edit.', "import type { DefineComponent } from 'vue';"];
  if (eventClasses.length) lines.push(`import type { ${eventClasses.join(', ')} } from '${options.packageName}';`);
  for (const element of elements) lines.push(`import type { ${element.className} } from '${options.elementEntry(element.tag)}';`);
  lines.push('');
  for (const element of elements) {
    lines.push(`/** Attributes and events of \`<${element.tag}>\`. */`, `export interface ${element.className}Props {`);
    for (const attribute of element.declaration.attributes ?? []) {
      const type = attributeType(element, attribute) ?? 'string';
      lines.push(doc(attribute.description, '  ') + `  ${JSON.stringify(attribute.name)}?: ${type};`);
    }
    for (const event of element.declaration.events ?? []) {
      const type = event.type?.text ?? 'Event';
      lines.push(doc(event.description, '  ') + `  ${eventPropName(event.name)}?: (event: ${type}) => void;`);
    }
    lines.push('}', '');
  }
  lines.push(
    "/** The kit's tags, for Vue's `compilerOptions.isCustomElement`. */",
    'export declare const rewardsTags: readonly string[];',
    '/** `compilerOptions: { isCustomElement: isRewardsElement }`: Vue leaves these tags to the browser. */',
    'export declare function isRewardsElement(tag: string): boolean;',
    '',
  );
  lines.push("declare module 'vue' {", '  interface GlobalComponents {');
  for (const element of elements) {
    lines.push(doc(element.declaration.summary, '    ') + `    ${JSON.stringify(element.tag)}: DefineComponent<${element.className}Props>;`);
  }
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** dist/vue.js: what a Vue build config imports (in Node, so nothing but the tag names). */
export function vueHelpers(elements: Element[]): string {
  return [
    '// Generated from custom-elements.json by scripts/integrations/generate.ts: do not edit.',
    `export const rewardsTags = Object.freeze(${JSON.stringify(elements.map((element) => element.tag))});`,
    'export const isRewardsElement = (tag) => rewardsTags.includes(tag);',
    '',
  ].join('\n');
}
