/**
 * src/react/index.ts: React 18 components wrapping each element with @lit/react, so event props
 * (`onRewardsError`) fire and properties are set as properties. React 19 needs none of this
 * (it speaks custom elements; jsx.d.ts types them), but the wrappers work there too.
 */
import { dirname, posix, relative } from 'node:path';
import { eventPropName, type Element } from './manifest.ts';

export const REACT_SOURCE = 'src/react/index.ts';

export function reactWrappers(elements: Element[]): string {
  const fromReact = (path: string) => relative(dirname(REACT_SOURCE), path).split('\\').join(posix.sep);
  const eventClasses = [...new Set(elements.flatMap((element) => (element.declaration.events ?? []).map((event) => event.type?.text ?? '')))]
    .filter(Boolean)
    .sort();
  const lines = [
    '// Generated from custom-elements.json by scripts/integrations/write-sources.ts (`npm run analyze`): do not edit.',
    '/**',
    ' * React components for the elements (React 18 and later), made with @lit/react. Importing one',
    " * registers its tag. Event props take the kit's typed events: `onRewardsError={(event) => …}`.",
    ' */',
    "import * as React from 'react';",
    "import { createComponent, type EventName } from '@lit/react';",
  ];
  if (eventClasses.length) lines.push(`import type { ${eventClasses.join(', ')} } from '${fromReact('src/events/index.ts')}';`);
  for (const element of elements) {
    lines.push(`import { ${element.className} as ${element.className}Element } from '${fromReact(`${dirname(element.modulePath)}/define.ts`)}';`);
  }
  for (const element of elements) {
    const events = (element.declaration.events ?? []).map(
      (event) => `    ${eventPropName(event.name)}: '${event.name}' as EventName<${event.type?.text ?? 'Event'}>,`,
    );
    lines.push(
      '',
      `/** \`<${element.tag}>\`${element.declaration.summary ? `: ${element.declaration.summary}` : ''} */`,
      `export const ${element.className} = createComponent({`,
      '  react: React,',
      `  tagName: '${element.tag}',`,
      `  elementClass: ${element.className}Element,`,
      ...(events.length ? ['  events: {', ...events, '  },'] : []),
      '});',
    );
  }
  return lines.join('\n') + '\n';
}
