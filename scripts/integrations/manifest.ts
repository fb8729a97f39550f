/**
 * The elements of custom-elements.json as the generators need them: only tagged classes, each
 * attribute with its literal type (`'small' | 'medium' | 'large'`, not `BadgeSize`), public
 * members, events with their class names. Every generator reads the manifest through here, so
 * an element added to src/elements appears in every output once `npm run analyze` has run.
 */
import { readFileSync } from 'node:fs';

export interface ManifestType {
  text?: string;
}
export interface Described {
  name: string;
  description?: string;
  summary?: string;
}
export interface ManifestMember extends Described {
  kind: 'field' | 'method';
  type?: ManifestType;
  parsedType?: ManifestType;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  default?: string;
  return?: { type?: ManifestType };
  parameters?: { name: string; type?: ManifestType; optional?: boolean }[];
}
export interface ManifestEvent extends Described {
  type?: ManifestType;
}
export interface ElementDeclaration extends Described {
  kind: 'class';
  customElement?: boolean;
  tagName?: string;
  members?: ManifestMember[];
  attributes?: (Described & { fieldName?: string; type?: ManifestType; parsedType?: ManifestType; default?: string })[];
  events?: ManifestEvent[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string })[];
  cssStates?: Described[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ElementDeclaration[] }[];
}

export interface Element {
  tag: string;
  className: string;
  modulePath: string;
  declaration: ElementDeclaration;
}

export function readManifest(path = 'custom-elements.json'): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Every class with a tag name, in tag order (so outputs do not depend on file layout). */
export function elementsOf(manifest: Manifest): Element[] {
  const elements: Element[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind === 'class' && declaration.customElement && declaration.tagName) {
        elements.push({ tag: declaration.tagName, className: declaration.name, modulePath: module.path, declaration });
      }
    }
  }
  return elements.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/** The type a reader should see: the expanded literal union where the analyzer gave an alias. */
export function typeText(item: { type?: ManifestType; parsedType?: ManifestType }): string | undefined {
  return item.parsedType?.text ?? item.type?.text;
}

/** An attribute's type, from the field behind it (which carries the expanded union). */
export function attributeType(element: Element, attribute: { fieldName?: string; name: string; type?: ManifestType }): string | undefined {
  const field = element.declaration.members?.find((member) => member.name === (attribute.fieldName ?? attribute.name));
  return (field && typeText(field)) ?? attribute.type?.text;
}

/** Public instance fields that are not attributes too: set only from script. */
export function publicFields(element: Element): ManifestMember[] {
  return (element.declaration.members ?? []).filter((member) => member.kind === 'field' && !member.privacy && !member.static && !member.name.startsWith('_'));
}

export function publicMethods(element: Element): ManifestMember[] {
  return (element.declaration.members ?? []).filter((member) => member.kind === 'method' && !member.privacy && !member.static && !member.name.startsWith('_'));
}

/** The event classes the elements fire (`RewardsErrorEvent`, …), each named once. */
export function eventClassNames(elements: Element[]): string[] {
  const names = new Set<string>();
  for (const element of elements) for (const event of element.declaration.events ?? []) if (event.type?.text) names.add(event.type.text);
  return [...names].sort();
}

/** `rewards-cart-changed` → `onRewardsCartChanged`, the prop name React wrappers use. */
export function eventPropName(eventName: string): string {
  return 'on' + eventName.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
