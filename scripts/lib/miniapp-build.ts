/**
 * Builds the mini-program for a platform when there is no build or its sources (or the
 * shared package it compiles in) changed since. Taro can exit 0 after rejecting its
 * config, so the fresh index file is the proof of a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const OUTPUT = {
  h5: { dir: join(ROOT, 'miniapp', 'dist-h5'), proof: 'index.html' },
  weapp: { dir: join(ROOT, 'miniapp', 'dist'), proof: 'app.json' },
} as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function builtAt(platform: keyof typeof OUTPUT): number {
  const proof = join(OUTPUT[platform].dir, OUTPUT[platform].proof);
  return existsSync(proof) ? statSync(proof).mtimeMs : 0;
}

/** The output directory, built now if it was missing or stale. Throws with the build's errors. */
export function ensureMiniappBuild(platform: keyof typeof OUTPUT, log: (line: string) => void = console.log): string {
  const before = builtAt(platform);
  const sources = Math.max(
    newestMtime(join(ROOT, 'miniapp', 'src')),
    newestMtime(join(ROOT, 'miniapp', 'config')),
    newestMtime(join(ROOT, 'shared', 'src')),
  );
  if (before > sources) return OUTPUT[platform].dir;
  log(`[build] building the ${platform} mini-program…`);
  const started = Date.now();
  // A production build whatever the caller's environment (vitest sets NODE_ENV=test, which
  // would make Taro build for development, with react-refresh).
  const env = { ...process.env, NODE_ENV: 'production' as const };
  const build = spawnSync('npm', ['run', `build:${platform}`, '-w', 'miniapp'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0 || builtAt(platform) <= before) {
    const errors = `${build.stdout}\n${build.stderr}`.split('\n').filter((l) => /error/i.test(l));
    throw new Error(`the ${platform} build failed:\n${errors.slice(-30).join('\n')}`);
  }
  log(`[build] ${platform} built in ${Math.round((Date.now() - started) / 1000)} s`);
  return OUTPUT[platform].dir;
}
