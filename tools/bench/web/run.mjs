// The web app on a mid-range phone on mobile data (a benchmark, not a test; make bench-web).
//
// Chromium's throttling as in issue 15: Slow 4G (150 ms latency, 1.6 Mbit/s down, 750 kbit/s
// up) and the CPU 4x slower. Per run, in a fresh browser profile:
//   first visit    nothing cached
//   repeat visit   a new tab in the same profile (HTTP cache and service worker warm)
//   offline        that tab reloaded with the network off
// Each reports the bytes over the wire (counted by a loopback TCP proxy between Chromium and the
// server, headers included, so the service worker's own fetches count too) until the first frame
// and until the page is settled (app idle, service worker installed), and the first frame as
// window.stadsmijn reports it. The start-up breakdown comes from the first visit: download (the
// wasm's resource timing), compile (WebAssembly.compileStreaming, resolved after the download),
// instantiate, main() to content parsed (stadsmijn.timings, where the build reports it) and to the
// first frame. Median of the runs.
//
// usage: node tools/bench/web/run.mjs [--runs N] [--dist DIR] [--server BINARY] [--label NAME] [--json FILE]
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option('--runs', 3));
const label = option('--label', 'this build');
const jsonOut = option('--json', '');
if (option('--dist')) process.env.STADSMIJN_WEB_DIST = path.resolve(option('--dist'));
if (option('--server')) process.env.STADSMIJN_SERVER = path.resolve(option('--server'));

const here = path.dirname(fileURLToPath(import.meta.url));
const { launchBrowser, startServer } = await import(path.join(here, '../../../tests/browser/lib/harness.mjs'));

const profile = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), cpu: 4 };
const offlineTimeout = 20000;

// Counts the bytes the server sends to the browser.
function startProxy(targetPort) {
  let received = 0;
  const sockets = new Set();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client); sockets.add(upstream);
    upstream.on('data', (chunk) => { received += chunk.length; });
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', close); upstream.on('error', close); client.on('close', close); upstream.on('close', close);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${proxy.address().port}/`,
    bytes: () => received,
    reset: () => { received = 0; },
    stop: () => new Promise((done) => { for (const s of sockets) s.destroy(); proxy.close(done); }),
  })));
}

// Splits WebAssembly.instantiateStreaming into compile and instantiate, with timestamps.
function timeWasm() {
  const original = WebAssembly.instantiateStreaming;
  if (!original) return;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const bench = (window.__bench = window.__bench || {});
    bench.compileStart = performance.now();
    const module = await WebAssembly.compileStreaming(source);
    bench.compiled = performance.now();
    const instance = await WebAssembly.instantiate(module, imports);
    bench.instantiated = performance.now();
    return { module, instance };
  };
}

async function throttle(page) {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.enable');
  await client.send('Network.emulateNetworkConditions',
    { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
  await client.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return client;
}

async function firstFrame(page, timeout) {
  try {
    await page.waitForFunction(() => window.stadsmijn && window.stadsmijn.ready && window.stadsmijn.frames() >= 1 &&
      window.stadsmijn.firstFrameMs > 0, null, { timeout, polling: 50 });
    return await page.evaluate(() => window.stadsmijn.firstFrameMs);
  } catch {
    return null;  // never drew
  }
}

// App idle, and a service worker (if the build has one) installed and in control.
async function settle(page) {
  await page.waitForFunction(() => window.stadsmijn && window.stadsmijn.paused(), null, { timeout: 30000, polling: 100 }).catch(() => {});
  await page.evaluate(() => {
    if (!navigator.serviceWorker) return null;
    return navigator.serviceWorker.getRegistration().then((registration) => registration ? navigator.serviceWorker.ready : null);
  });
}

async function breakdown(page) {
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const bench = window.__bench || {};
    const timings = (window.stadsmijn && window.stadsmijn.timings) || {};
    const first = window.stadsmijn.firstFrameMs;
    return {
      download: wasm ? wasm.responseEnd - wasm.startTime : null,
      compile: bench.compiled && wasm ? bench.compiled - Math.max(wasm.responseEnd, bench.compileStart) : null,
      instantiate: bench.instantiated ? bench.instantiated - bench.compiled : null,
      contentParse: timings.contentMs ?? null,
      mainToFirstFrame: bench.instantiated ? first - bench.instantiated : null,
      wasmBytes: wasm ? wasm.encodedBodySize : null,
    };
  });
}

const server = await startServer();
const proxy = await startProxy(server.port);
const browser = await launchBrowser();
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await context.addInitScript(timeWasm);
    const result = {};

    let page = await context.newPage();
    await throttle(page);
    proxy.reset();
    await page.goto(proxy.url);
    result.firstVisit = { firstFrame: await firstFrame(page, 60000), bytesToFirstFrame: proxy.bytes() };
    result.breakdown = await breakdown(page);
    await settle(page);
    result.firstVisit.bytesSettled = proxy.bytes();
    await page.close();

    page = await context.newPage();
    const client = await throttle(page);
    proxy.reset();
    await page.goto(proxy.url);
    result.repeatVisit = { firstFrame: await firstFrame(page, 60000), bytesToFirstFrame: proxy.bytes() };
    await settle(page);
    result.repeatVisit.bytesSettled = proxy.bytes();

    // Playwright's offline switch (service workers too), then the page's own emulation, which
    // would otherwise keep the page online.
    await context.setOffline(true);
    await client.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    proxy.reset();
    await page.reload().catch(() => {});  // offline without a service worker: the browser's error page
    result.offline = { firstFrame: await firstFrame(page, offlineTimeout), bytesToFirstFrame: proxy.bytes() };
    result.offline.bytesSettled = proxy.bytes();
    await context.close();
    results.push(result);
    console.error(`run ${run + 1}: ${JSON.stringify(result)}`);
  }
} finally {
  await browser.close();
  await proxy.stop();
  await server.stop();
}

const median = (values) => {
  const known = values.filter((v) => v !== null && v !== undefined);
  if (known.length < values.length) return null;  // a run that never drew: no median
  const sorted = [...known].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kb = (n) => (n === null ? 'n/a' : `${(n / 1024).toFixed(0)} KB`);
const ms = (n) => (n === null ? 'no frame' : `${(n / 1000).toFixed(2)} s`);
const msShort = (n) => (n === null ? 'n/a' : `${n.toFixed(0)} ms`);
const range = (values) => {
  const known = values.filter((v) => v !== null);
  return known.length ? `${ms(Math.min(...known))}-${ms(Math.max(...known))}` : 'never drew';
};

const summary = { label, runs, profile, date: new Date().toISOString(), results };
console.log(`\n${label}: median of ${runs}, Slow 4G (150 ms, 1.6/0.75 Mbit/s), CPU 4x\n`);
console.log('| visit | first frame | runs | bytes to first frame | bytes until settled |');
console.log('| --- | --- | --- | --- | --- |');
for (const [key, name] of [['firstVisit', 'first visit'], ['repeatVisit', 'repeat visit'], ['offline', 'offline reload']]) {
  const rows = results.map((r) => r[key]);
  console.log(`| ${name} | ${ms(median(rows.map((r) => r.firstFrame)))} | ${range(rows.map((r) => r.firstFrame))} | ` +
    `${kb(median(rows.map((r) => r.bytesToFirstFrame)))} | ${kb(median(rows.map((r) => r.bytesSettled)))} |`);
}
console.log('\nstart-up on the first visit (median):\n');
console.log('| download (wasm) | compile after download | instantiate | content parse | main() to first frame |');
console.log('| --- | --- | --- | --- | --- |');
const b = (key) => median(results.map((r) => r.breakdown[key]));
console.log(`| ${msShort(b('download'))} | ${msShort(b('compile'))} | ${msShort(b('instantiate'))} | ` +
  `${b('contentParse') === null ? 'in main()' : msShort(b('contentParse'))} | ${msShort(b('mainToFirstFrame'))} |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
