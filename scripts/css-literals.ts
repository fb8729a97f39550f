/**
 * Minifies the style sheets written as Lit `css` tagged templates, for the one-file build: a
 * JavaScript minifier keeps a template's text as written (indentation, line breaks, comments),
 * which a page loading the file as it is would download for nothing. Only `css` templates are
 * touched (never `html` ones, whose white space is text a reader sees), and only white space and
 * comments: around braces, semicolons, commas and after colons, where CSS ignores it; elsewhere
 * a run of it becomes one space. Interpolations (`${token('text')}`) are left as they are.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import ts from 'typescript';

/**
 * One static part of a `css` template, as written between its delimiters, minified. Its line
 * breaks stay (one for each), so every line of the module after it keeps its number and the
 * source map stays right.
 */
export function minifyCssText(text: string): string {
  const breaks = (run: string) => '\n'.repeat(run.split('\n').length - 1);
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => breaks(comment) || ' ')
    .replace(/\s+/g, (run) => breaks(run) || ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/\n[ ]+|[ ]+\n/g, '\n')
    .replace(/: /g, ':')
    .replace(/;(\n*)}/g, '$1}');
}

/** Where the static parts of each `css` tagged template in `source` are: [start, end) of each part's text, delimiters excluded. */
export function cssTemplateParts(source: string, fileName = 'module.ts'): Array<Array<[number, number]>> {
  if (!source.includes('css`')) return [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const templates: Array<Array<[number, number]>> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) templates.push([[template.getStart(file) + 1, template.end - 1]]);
      else {
        const parts: Array<[number, number]> = [[template.head.getStart(file) + 1, template.head.end - 2]];
        for (const span of template.templateSpans) {
          parts.push([span.literal.getStart(file) + 1, span.literal.end - (ts.isTemplateTail(span.literal) ? 1 : 2)]);
        }
        templates.push(parts);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return templates;
}

/** `source` (TypeScript) with the static text of every `css` tagged template minified. */
export function minifyCssLiterals(source: string, fileName = 'module.ts'): string {
  let out = source;
  const parts = cssTemplateParts(source, fileName)
    .flat()
    .sort((a, b) => b[0] - a[0]);
  for (const [start, end] of parts) out = out.slice(0, start) + minifyCssText(out.slice(start, end)) + out.slice(end);
  return out;
}

/** An esbuild plugin applying `minifyCssLiterals` to the project's own modules. */
export const minifyCssLiteralsPlugin: EsbuildPlugin = {
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
