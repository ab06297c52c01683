// Measures the web app as a citizen's browser meets it (a benchmark, not a test):
//   - bytes over the wire until the first frame, per file, as Chromium received them, and what
//     the same files weigh with brotli (the server sends .br to browsers that accept it);
//   - the main thread's busy share of wall time while idle for 5 s (CDP Performance.getMetrics,
//     TaskDuration), at phone size;
//   - time from navigation to the first frame, on loopback.
// usage: node tools/bench/web-metrics.mjs [runs]     (make bench)
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { launchBrowser, openPage, startServer, waitForApp, waitForIdle, webDist } from '../../tests/browser/lib/harness.mjs';

const runs = Number(process.argv[2] || 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launchBrowser();
const results = { transfer: [], idle: [], firstFrame: [] };
let files = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser);
    const client = await page.context().newCDPSession(page);
    await client.send('Network.enable');
    await client.send('Network.setCacheDisabled', { cacheDisabled: true });
    const received = new Map();
    client.on('Network.responseReceived', (e) => received.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || 'identity' }));
    client.on('Network.loadingFinished', (e) => { if (received.has(e.requestId)) received.get(e.requestId).bytes = e.encodedDataLength; });
    await page.goto(server.url);
    await waitForApp(page);
    results.firstFrame.push(await page.evaluate(() => window.stadsmijn.firstFrameMs));
    await waitForIdle(page);
    files = [...received.values()].filter((f) => f.bytes !== undefined);
    results.transfer.push(files.reduce((sum, f) => sum + f.bytes, 0));

    await client.send('Performance.enable');
    const task = async () => (await client.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const before = await task();
    const start = Date.now();
    await page.waitForTimeout(5000);
    const busy = (await task()) - before;
    results.idle.push(busy / ((Date.now() - start) / 1000));
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log(`runs: ${runs} (median shown)\n`);
console.log('first load, as received by Chromium over http://127.0.0.1 (headers included):');
for (const f of files) console.log(`  ${path.basename(new URL(f.url).pathname) || 'index.html'}  ${kb(f.bytes)}  ${f.encoding}`);
console.log(`  total ${kb(median(results.transfer))}`);
let brotliTotal = 0;
console.log('\nthe same files with brotli (.br in build/web/dist):');
for (const name of readdirSync(webDist).filter((n) => n.endsWith('.br') && !n.startsWith('icon'))) {
  const size = statSync(path.join(webDist, name)).size;
  brotliTotal += size;
  console.log(`  ${name.replace(/\.br$/, '')}  ${kb(size)}`);
}
console.log(`  total ${kb(brotliTotal)} (the font and all content ride inside the wasm)`);
console.log(`\nmain thread busy while idle for 5 s: ${(100 * median(results.idle)).toFixed(2)} % (runs: ${results.idle.map((v) => (100 * v).toFixed(2) + ' %').join(', ')})`);
console.log(`navigation to first frame: ${median(results.firstFrame).toFixed(0)} ms (runs: ${results.firstFrame.map((v) => v.toFixed(0)).join(', ')})`);
