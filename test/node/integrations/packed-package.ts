/**
 * The package as a user gets it: `npm pack`, then unpacked into node_modules/member-rewards-kit
 * of a scratch project, as npm would install it from the tarball. Its dependencies (lit, react,
 * vue, typescript, …) are links to this project's node_modules, so nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureBuiltDist } from '../support/built-dist.ts';

export interface ScratchProject {
  root: string;
  write(path: string, text: string): void;
  /** Runs Node, or a command of this project's node_modules/.bin, inside the scratch project. */
  run(bin: string, args: string[]): { ok: boolean; output: string };
  remove(): void;
}

export function packedProject(): ScratchProject {
  const project = resolve('.');
  ensureBuiltDist();
  const root = mkdtempSync(join(tmpdir(), 'rewards-consumer-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], { encoding: 'utf8' }).trim().split('\n').pop()!;
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, 'member-rewards-kit'), { recursive: true });
  execFileSync('tar', ['-xzf', join(root, packed), '-C', join(modules, 'member-rewards-kit'), '--strip-components=1']);
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (entry === 'member-rewards-kit' || entry.startsWith('.')) continue;
    symlinkSync(join(project, 'node_modules', entry), join(modules, entry));
  }
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    run(bin, args) {
      try {
        return {
          ok: true,
          output: execFileSync(bin === 'node' ? process.execPath : join(project, 'node_modules/.bin', bin), args, {
            cwd: root,
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
      }
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
