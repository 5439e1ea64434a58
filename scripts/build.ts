/**
 * `npm run build`: the BFF and the mocks (and the bench's yardstick servers) as plain JS in
 * dist/, so that production starts without the tsx loader (it cost ~15–20% of home's
 * throughput in the bench). One ESM bundle per entry point: our workspace code (incl.
 * @family-share/shared, shipped as TypeScript) is bundled, npm packages stay external and
 * load from node_modules as usual. The platform's and the BFF's Lua scripts are copied beside
 * their bundles, where mocks' redis-client.ts and the BFF's redis/client.ts look for them (next
 * to the module that reads them).
 *
 *   node --import tsx scripts/build.ts
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** npm packages stay external; relative imports and our workspace packages are bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@family-share/') ? undefined : { path: args.path, external: true }));
  },
};

const targets: Array<{ entry: string; outfile: string }> = [
  { entry: 'bff/src/main.ts', outfile: 'bff/dist/main.js' },
  { entry: 'mocks/src/main.ts', outfile: 'mocks/dist/main.js' },
  { entry: 'bench/limit-server.ts', outfile: 'bench/dist/limit-server.js' },
  { entry: 'bench/baseline-server.ts', outfile: 'bench/dist/baseline-server.js' },
];

for (const dir of ['bff/dist', 'mocks/dist', 'bench/dist']) rmSync(join(root, dir), { recursive: true, force: true });
await Promise.all(
  targets.map((t) =>
    build({
      entryPoints: [join(root, t.entry)],
      outfile: join(root, t.outfile),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      plugins: [externalPackages],
    }),
  ),
);
for (const [from, to] of [
  ['mocks/src/platform/store/lua', 'mocks/dist/lua'],
  ['bff/src/adapters/redis/lua', 'bff/dist/lua'],
]) {
  mkdirSync(join(root, to!), { recursive: true });
  cpSync(join(root, from!), join(root, to!), { recursive: true });
}
console.log(`built ${targets.map((t) => t.outfile).join(', ')}`);
