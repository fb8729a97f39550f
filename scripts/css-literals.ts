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

/** One static part of a `css` template, as written between its delimiters, minified. */
export function minifyCssText(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
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

/**
 * `source` (TypeScript) with the static text of every `css` tagged template minified. The line
 * breaks a part loses move just past its closing delimiter, into the code (after `${`, or after
 * the closing backtick), where the JavaScript minifier drops them: every line of code keeps its
 * number, so source maps stay right.
 */
export function minifyCssLiterals(source: string, fileName = 'module.ts'): string {
  let out = source;
  // The white space that opens or closes a whole sheet means nothing; beside an interpolation it may.
  const parts = cssTemplateParts(source, fileName)
    .flatMap((template) => template.map(([start, end], index) => ({ start, end, first: index === 0, last: index === template.length - 1 })))
    .sort((a, b) => b.start - a.start);
  for (const { start, end, first, last } of parts) {
    const text = out.slice(start, end);
    const delimiter = last ? '`' : '${';
    const breaks = '\n'.repeat(text.split('\n').length - 1);
    let css = minifyCssText(text);
    if (first) css = css.trimStart();
    if (last) css = css.trimEnd();
    out = out.slice(0, start) + css + delimiter + breaks + out.slice(end + delimiter.length);
  }
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
