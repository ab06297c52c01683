// Installable and offline (issue 15), through the real server and the real web build: a reload
// with the network off draws the app (home, settings, drawer); API answers are never kept by the
// service worker; a new deployment is picked up, with a quiet notice, and runs on the next visit;
// the content pack, fetched next to the wasm, gives a clear message when it is broken or missing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { app, launchBrowser, openPage, serverBinary, startServer, waitForApp, waitForIdle, webDist } from './lib/harness.mjs';

let browser;
const scratch = mkdtempSync(path.join(tmpdir(), 'stadsmijn-offline-'));
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Resolves once a service worker controls the page and has its precache.
async function waitForWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null,
    { timeout: 20000, polling: 100 });
}

const headings = async (page) => (await app.semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);

// A copy of the web build that a test may change, with .br/.gz twins rewritten to match.
function copyDist(name) {
  const dir = path.join(scratch, name);
  cpSync(webDist, dir, { recursive: true });
  return dir;
}
function rewrite(dir, file, text) {
  writeFileSync(path.join(dir, file), text);
  writeFileSync(path.join(dir, file + '.br'), zlib.brotliCompressSync(Buffer.from(text)));
  writeFileSync(path.join(dir, file + '.gz'), zlib.gzipSync(Buffer.from(text)));
}
const contentPackOf = (dir) => readdirSync(dir).find((n) => /^content\.[0-9a-f]+\.txt$/.test(n));

// The same origin twice (a deployment): the server on a port the first one chose.
function serveOnPort(dist, port) {
  const child = spawn(serverBinary, ['--web', dist, '--port', String(port), '--db', path.join(scratch, `polls-${Date.now()}.sqlite3`)],
    { stdio: 'ignore' });
  return {
    ready: (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return; } catch { /* not yet */ }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('server did not start');
    })(),
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }),
  };
}

describe('offline', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server?.stop(); });

  test('a reload with the network off draws the app; settings and the drawer open', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForWorker(page);
    await page.context().setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.ok((await headings(page)).length > 0, 'the home screen drew no heading offline');
    for (const screen of ['#/settings', '#/drawer']) {
      await page.evaluate((hash) => { location.hash = hash; }, screen);
      await page.waitForFunction((hash) => window.stadsmijn.route().startsWith(hash), screen, { timeout: 10000 });
      await waitForIdle(page);
      assert.ok((await headings(page)).length > 0, `${screen} drew no heading offline`);
    }
    assert.equal(await app.lastError(page), '');
    await page.context().close();
  });

  test('API answers are never kept by the service worker', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForWorker(page);
    const online = await page.evaluate(() => fetch('/api/polls/grondstoffen-repareren-inleveren/results').then((r) => r.status));
    assert.equal(online, 200);
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    assert.ok(cached.some((p) => p.endsWith('.wasm')), `the wasm is not precached: ${cached}`);
    assert.ok(cached.some((p) => /^\/content\.[0-9a-f]+\.txt$/.test(p)), `the content is not precached: ${cached}`);
    assert.deepEqual(cached.filter((p) => p.startsWith('/api/')), []);
    await page.context().setOffline(true);
    const offline = await page.evaluate(() => fetch('/api/polls/grondstoffen-repareren-inleveren/results')
      .then((r) => `answered ${r.status}`, () => 'failed'));
    assert.equal(offline, 'failed', 'an API answer came from a cache while offline');
    await page.context().close();
  });
});

test('a new deployment is picked up: a quiet notice, and the next visit runs it', async () => {
  const first = copyDist('first');
  const port = 20000 + Math.floor(Math.random() * 20000);  // as the harness picks them
  let running = serveOnPort(first, port);
  await running.ready;
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 } });
  try {
    let page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await waitForApp(page);
    await waitForWorker(page);
    await page.close();
    await running.stop();

    // The next deployment: a new page and, as every build with a change has, a new worker.
    const second = copyDist('second');
    const marker = '<!-- deployment two -->';
    rewrite(second, 'index.html', readFileSync(path.join(second, 'index.html'), 'utf8').replace('</body>', `${marker}</body>`));
    rewrite(second, 'sw.js', readFileSync(path.join(second, 'sw.js'), 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'two'"));
    running = serveOnPort(second, port);
    await running.ready;

    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await waitForApp(page);
    assert.ok(!(await page.content()).includes(marker), 'the first deployment\'s cached page should serve this visit');
    await page.waitForFunction(() => window.stadsmijn.updateReady, null, { timeout: 20000, polling: 100 });
    assert.equal(await page.locator('#update').isVisible(), true);
    await page.close();

    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await waitForApp(page);
    assert.ok((await page.content()).includes(marker), 'the next visit still runs the old deployment');
  } finally {
    await context.close();
    await running.stop();
  }
});

describe('the content pack', () => {
  test('a broken one: the app draws and says which file is wrong', async () => {
    const dir = copyDist('broken');
    const pack = contentPackOf(dir);
    const text = readFileSync(path.join(dir, pack), 'utf8');
    rewrite(dir, pack, text.slice(0, Math.floor(text.length / 2)));  // cut short, as a failed upload
    const server = await startServer({ extraArgs: ['--web', dir] });
    try {
      const page = await openPage(browser);
      await page.goto(server.url);
      await waitForApp(page);
      assert.match(await app.lastError(page), new RegExp(`${pack.replace(/\./g, '\\.')}: cut short`));
      const names = (await app.semantics(page)).map((n) => n.name).join(' | ');
      assert.match(names, /content\./, `the screen does not name the broken file: ${names}`);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });

  test('a missing one: the loading screen says so, with a way to try again', async () => {
    const dir = copyDist('missing');
    const pack = contentPackOf(dir);
    for (const suffix of ['', '.br', '.gz']) rmSync(path.join(dir, pack + suffix));
    const server = await startServer({ extraArgs: ['--web', dir] });
    try {
      const page = await openPage(browser);
      await page.goto(server.url);
      await page.locator('#loading-error').waitFor({ state: 'visible', timeout: 20000 });
      assert.match(await page.locator('#loading-error').textContent(), /kon niet worden geladen/);
      assert.equal(await page.locator('#loading-retry').isVisible(), true);
      assert.match(await page.evaluate(() => window.stadsmijn.lastError()), /content: .*HTTP 404/);
      await page.context().close();
    } finally {
      await server.stop();
    }
  });
});
