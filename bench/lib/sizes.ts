/**
 * What the mini-program costs to download: the weapp main package (everything in dist/ that is
 * not inside a subpackage root named in app.json) and the JavaScript the h5 index.html loads
 * first (each script gzipped on its own, as a server would send it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Measured = { value: number; note: string } | { value: null; reason: string };

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Builds with the miniapp's own script when its output is missing; null with the reason on failure. */
function ensureBuilt(root: string, marker: string, script: 'build:weapp' | 'build:h5'): string | null {
  if (existsSync(marker)) return null;
  const build = spawnSync('npm', ['run', script, '-w', 'miniapp'], { cwd: root, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (existsSync(marker)) return null;
  const errors = `${build.stdout ?? ''}\n${build.stderr ?? ''}`.split('\n').filter((l) => /error/i.test(l)).slice(-5).join(' | ');
  return `npm run ${script} -w miniapp did not produce ${relative(root, marker)} (exit ${build.status ?? build.signal}): ${errors || 'no error lines'}`;
}

export function weappMainBytes(root: string): Measured {
  const dist = join(root, 'miniapp', 'dist');
  const failed = ensureBuilt(root, join(dist, 'app.json'), 'build:weapp');
  if (failed) return { value: null, reason: failed };
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''));
  let bytes = 0;
  let files = 0;
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    if (path.endsWith('.map')) continue; // source maps are not uploaded
    if (roots.some((r) => path === r || path.startsWith(`${r}/`))) continue;
    bytes += statSync(file).size;
    files += 1;
  }
  return { value: bytes, note: `${files} files outside ${roots.length} subpackage root(s)${roots.length ? ` (${roots.join(', ')})` : ''}, source maps excluded` };
}

export function h5InitialJsGzipBytes(root: string): Measured {
  const dist = join(root, 'miniapp', 'dist-h5');
  const failed = ensureBuilt(root, join(dist, 'index.html'), 'build:h5');
  if (failed) return { value: null, reason: failed };
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  let bytes = 0;
  const parts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc=["']?([^"' >]+)/.exec(attributes)?.[1];
    const type = /\btype=["']?([^"' >]+)/.exec(attributes)?.[1];
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue; // data, not code
    if (src) {
      if (/^(https?:)?\/\//.test(src)) return { value: null, reason: `index.html loads a script from elsewhere: ${src}` };
      const file = join(dist, src.replace(/^\.?\//, '').split('?')[0]!);
      if (!existsSync(file)) return { value: null, reason: `index.html names ${src}, which is not in dist-h5` };
      const gz = gzipSync(readFileSync(file), { level: 9 }).length;
      bytes += gz;
      parts.push(`${src} ${gz}`);
    } else if ((match[2] ?? '').trim()) {
      const gz = gzipSync(Buffer.from(match[2] ?? ''), { level: 9 }).length;
      bytes += gz;
      parts.push(`inline ${gz}`);
    }
  }
  if (parts.length === 0) return { value: null, reason: 'index.html loads no script' };
  return { value: bytes, note: `gzip -9 per script: ${parts.join(', ')}` };
}
