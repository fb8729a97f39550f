/**
 * The README's element reference, between `<!-- elements:start -->` and `<!-- elements:end -->`,
 * from custom-elements.json: each element's JSDoc description (its prose, example and
 * screenshots), then tables of what the manifest lists. A test fails when the README is stale;
 * `npm run analyze` rewrites it.
 */
import { attributeType, elementsOf, publicFields, publicMethods, typeText, type Element, type Manifest } from './manifest.ts';

export const START = "<!-- elements:start: generated from custom-elements.json by `npm run analyze`; edit the elements' JSDoc instead -->";
export const END = '<!-- elements:end -->';

/** Table cells hold one line; a `|` inside would end the cell. */
const cell = (text: string | undefined): string =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text: string | undefined): string => (text ? '`' + text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') + '`' : '');

function table(title: string, head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`**${title}**`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

export function elementSection(element: Element): string {
  const { declaration } = element;
  const attributes = declaration.attributes ?? [];
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName ?? attribute.name));
  const properties = publicFields(element).filter((field) => !attributeFields.has(field.name));
  const lines = [`### \`<${element.tag}>\``, '', (declaration.description ?? declaration.summary ?? '').trim(), ''];
  lines.push(
    ...table(
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'description'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName ?? attribute.name),
        code(attributeType(element, attribute)),
        code(attribute.default),
        cell(attribute.description),
      ]),
    ),
    ...table(
      'Properties',
      ['property', 'type', 'description'],
      properties.map((field) => [code(field.name), code(typeText(field)), cell(field.description)]),
    ),
    ...table(
      'Methods',
      ['method', 'description'],
      publicMethods(element).map((method) => {
        const parameters = (method.parameters ?? []).map(
          (parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`,
        );
        return [code(`${method.name}(${parameters.join(', ')}): ${method.return?.type?.text ?? 'void'}`), cell(method.description)];
      }),
    ),
    ...table(
      'Events',
      ['event', 'type', 'description'],
      (declaration.events ?? []).map((event) => [code(event.name), code(event.type?.text), cell(event.description)]),
    ),
    ...table(
      'Slots',
      ['slot', 'description'],
      (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
    ),
    ...table(
      'Parts',
      ['part', 'description'],
      (declaration.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
    ),
    ...table(
      'CSS properties',
      ['property', 'description'],
      (declaration.cssProperties ?? []).map((property) => [code(property.name), cell(property.description)]),
    ),
    ...table(
      'States',
      ['state', 'description'],
      (declaration.cssStates ?? []).map((state) => [code(`:state(${state.name})`), cell(state.description)]),
    ),
  );
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** The provider first (it configures the rest), then every other element by tag. */
function readingOrder(elements: Element[]): Element[] {
  const configures = (element: Element) => (element.tag.endsWith('-provider') ? 0 : 1);
  return [...elements].sort((a, b) => configures(a) - configures(b) || (a.tag < b.tag ? -1 : 1));
}

export function elementReference(manifest: Manifest): string {
  return readingOrder(elementsOf(manifest)).map(elementSection).join('\n\n');
}

/** The README with its reference section regenerated; throws when the markers are missing. */
export function withElementReference(readme: string, manifest: Manifest): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start)}${START}\n\n${elementReference(manifest)}\n\n${readme.slice(end)}`;
}
