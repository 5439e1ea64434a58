#!/usr/bin/env node
// Installs what `npm start` / `npm test` need on a fresh clone, then gets out of the way.
// It runs before any dependency exists, so it uses Node's built-ins only.
//
//   node scripts/setup.mjs test    npm packages, redis-server, chromium (+ CJK fonts)
//   node scripts/setup.mjs start   npm packages, redis-server unless REDIS_URL is set
//
// System packages come from apt-get when we are root on a Debian-like system; otherwise it
// names what to install and stops with exit code 1.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'test';

/** System programs per mode: the binary we look for and the Debian package that brings it. */
const SYSTEM_NEEDS = {
  redis: { bin: ['/usr/bin/redis-server', 'redis-server'], pkg: 'redis-server', why: 'the real Redis the tests and the embedded default run on' },
  chromium: { bin: ['/usr/bin/chromium', 'chromium'], pkg: 'chromium', why: 'the browser the end-to-end tests drive' },
  cjkFonts: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', pkg: 'fonts-noto-cjk', why: 'Chinese text in screenshots', optional: true },
};

const NEEDS_BY_MODE = {
  test: ['redis', 'chromium', 'cjkFonts'],
  start: process.env.REDIS_URL ? [] : ['redis'],
};

function log(message) {
  console.log(`[setup] ${message}`);
}

function onPath(name) {
  if (name.startsWith('/')) return existsSync(name);
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function present(need) {
  if (need.file) return existsSync(need.file);
  return need.bin.some(onPath);
}

function ensureNpmPackages() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm packages (npm ci)…');
  const started = Date.now();
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  log(`npm packages installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function canUseApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && onPath('apt-get');
}

function ensureSystemPackages(names) {
  const missing = names.map((n) => SYSTEM_NEEDS[n]).filter((need) => !present(need));
  if (missing.length === 0) return;
  const list = missing.map((m) => m.pkg).join(' ');
  if (!canUseApt()) {
    const required = missing.filter((m) => !m.optional);
    for (const m of missing) log(`missing ${m.pkg}: ${m.why}`);
    if (required.length === 0) return;
    console.error(`[setup] Please install: ${required.map((m) => m.pkg).join(' ')} (e.g. sudo apt-get install -y ${list}), then run this again.`);
    process.exit(1);
  }
  log(`installing system packages: ${list}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((m) => m.pkg)], { stdio: 'inherit', env });
  const still = missing.filter((m) => !m.optional && !present(m));
  if (still.length > 0) {
    console.error(`[setup] ${still.map((m) => m.pkg).join(' ')} still missing after apt-get.`);
    process.exit(1);
  }
}

/**
 * The platform claims an operation id and reads the previous owner in one command (SET … NX GET),
 * which Redis has since 7.0; an older server would refuse every settlement with a syntax error.
 */
function ensureRedisVersion() {
  const bin = process.env.REDIS_SERVER_BIN ?? SYSTEM_NEEDS.redis.bin.find(onPath);
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const match = /v=(\d+)\.(\d+)/.exec(out);
  if (!match) return log(`could not read the Redis version from "${out.trim()}"`);
  if (Number(match[1]) < 7) {
    console.error(`[setup] Redis ${match[1]}.${match[2]} at ${bin} is too old: the platform needs Redis 7.0 or later (SET … NX GET).`);
    process.exit(1);
  }
}

const needs = NEEDS_BY_MODE[mode];
if (!needs) {
  console.error(`[setup] unknown mode ${mode}; use "test" or "start"`);
  process.exit(2);
}
ensureSystemPackages(needs);
if (needs.includes('redis')) ensureRedisVersion();
ensureNpmPackages();
