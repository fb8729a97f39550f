import { build } from 'esbuild';
const name = process.argv[2] ?? 'member-level-badge';
const result = await build({ stdin: { contents: `import './src/elements/${name}/define.ts';`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, metafile: true, splitting: true, outdir: 'x', tsconfig: 'tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' });
const outs = result.metafile.outputs;
const entry = Object.keys(outs).find((k) => outs[k]!.entryPoint)!;
const seen = new Set<string>(); const visit = (f: string) => { if (seen.has(f)) return; seen.add(f); for (const i of outs[f]!.imports) if (i.kind === 'import-statement') visit(i.path); }; visit(entry);
const rows = [...seen].flatMap((f) => Object.entries(outs[f]!.inputs)).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).filter(r => r[1].bytesInOutput > 0);
for (const [file, info] of rows) console.log(String(info.bytesInOutput).padStart(7), file);
