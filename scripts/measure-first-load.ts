/**
 * First load of the h5 build as a phone on a slow network sees it: the whole stack on
 * loopback serving an h5 dist, Chromium (playwright-core) with CDP network throttling at
 * DevTools' "Fast 3G" preset, a cold cache, and the login page as the goal. Reports the bytes
 * on the wire (CDP Network.loadingFinished encodedDataLength, headers included), the
 * uncompressed bytes (Resource Timing decodedBodySize), and the time from navigation until the
 * login page's demo people are shown.
 *
 *   node --import tsx scripts/measure-first-load.ts [path/to/dist-h5]
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './lib/miniapp-build';
import { startStack } from './lib/stack';

/** Chrome DevTools' "Fast 3G": 562.5 ms latency, ~1.44 Mbit/s down, ~675 kbit/s up. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

const dist = process.argv[2] ?? join(ROOT, 'miniapp', 'dist-h5');
const stack = await startStack({ h5Dist: dist, rateLimitScale: 100 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const runs: Array<{ wire: number; decoded: number; ms: number; requests: number }> = [];
  for (let run = 0; run < 3; run += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    let wire = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      wire += e.encodedDataLength;
      requests += 1;
    });
    const started = Date.now();
    await page.goto(`${stack.bff.url}/#/pages/login/index`);
    await page.waitForSelector('.taro_page_stationed .demo-person', { timeout: 120_000 });
    const ms = Date.now() - started;
    // uncompressed bytes from Resource Timing (a string: this script is compiled without DOM types)
    const decoded = Number(
      await page.evaluate(
        "[...performance.getEntriesByType('resource'), ...performance.getEntriesByType('navigation')].reduce((sum, e) => sum + (e.decodedBodySize || 0), 0)",
      ),
    );
    runs.push({ wire, decoded, ms, requests });
    await context.close();
  }
  for (const r of runs) console.log(`requests ${r.requests}  wire ${(r.wire / 1024).toFixed(1)} KB  decoded ${(r.decoded / 1024).toFixed(1)} KB  login page shown after ${r.ms} ms`);
  const median = [...runs].sort((a, b) => a.ms - b.ms)[1]!;
  console.log(`median: wire ${(median.wire / 1024).toFixed(1)} KB, ${median.ms} ms (Fast 3G: 562.5 ms RTT, 1.44 Mbit/s)`);
} finally {
  await browser.close();
  await stack.close();
}
