// The app in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core): the
// foundation, one guide journey, the DOM mirror with the keyboard, and the embed's height
// messages sent to the referrer's origin. Headless Firefox has no WebGL 2, so it runs with a
// window on a virtual display: CTest starts this file under xvfb-run (tests/browser/CMakeLists.txt).
//   LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1280x1024x24" node --test tests/browser/firefox/firefox.mjs
// Not named *.test.mjs: the Chromium run (`node --test tests/browser`) does not pick it up.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';

import { startServer } from '../lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const demoHtml = readFileSync(path.resolve(here, '../../../web/embed-demo.html'), 'utf8');

let server, browser, demo, origin;
before(async () => {
  // The embed demo page from another origin (localhost, not 127.0.0.1), as in embed.test.mjs.
  demo = await new Promise((resolve) => {
    const http = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(demoHtml.replaceAll('STADSMIJN_ORIGIN', origin));
    });
    http.listen(0, '127.0.0.1', () => resolve({ port: http.address().port, close: () => http.close() }));
  });
  server = await startServer({ extraArgs: ['--embed-demo-origin', `http://localhost:${demo.port}`] });
  origin = server.url.replace(/\/$/, '');
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.STADSMIJN_FIREFOX || '/usr/bin/firefox-esr',
    headless: false,  // no WebGL 2 when headless
    userDataDir: mkdtempSync(path.join(tmpdir(), 'stadsmijn-firefox-')),
    // Firefox 153 has location.ancestorOrigins; older ones (ESR 128, still in use) and Safari before
    // 18 do not. Switched off here, the embed must find its parent through the referrer.
    extraPrefsFirefox: { 'intl.accept_languages': 'nl-NL, nl', 'dom.location.ancestorOrigins.enabled': false },
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  demo?.close();
});

async function openPage(width = 390, height = 844) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

const ready = (target, frames = 1) => target.waitForFunction(
  (n) => window.stadsmijn && window.stadsmijn.ready && window.stadsmijn.frames() >= n, { timeout: 30000 }, frames);
const idle = (page) => page.waitForFunction(() => window.stadsmijn.paused(), { timeout: 10000, polling: 50 });
const routeIs = (page, route) => page.waitForFunction((r) => window.stadsmijn.route() === r, { timeout: 10000 }, route);
const semantics = (page) => page.evaluate(() => window.stadsmijn.semantics());
const waitForWidget = (page, role, pattern) => page.waitForFunction(
  (r, source) => window.stadsmijn.semantics().some((n) => n.role === r && new RegExp(source).test(n.name)),
  { timeout: 15000, polling: 100 }, role, pattern.source);

// Clicks the widget the app reports with this role and name, with a real mouse event.
async function click(page, role, pattern) {
  await waitForWidget(page, role, pattern);
  await idle(page);
  const node = (await semantics(page)).find((n) => n.role === role && pattern.test(n.name));
  await page.mouse.click(node.x + node.w / 2, node.y + node.h / 2);
}

describe('Firefox', () => {
  test('the home page draws its first frame, has its DOM mirror and logs no errors', async () => {
    const page = await openPage();
    await page.goto(server.url);
    await ready(page, 3);
    assert.equal(await page.evaluate(() => window.stadsmijn.route()), '#/');
    assert.equal(await page.evaluate(() => window.stadsmijn.language()), 'nl');
    const names = (await semantics(page)).map((n) => n.name);
    assert.ok(names.includes('Stadsmijn'), `shows the product name: ${names.slice(0, 8)}`);
    await page.waitForFunction(() => document.querySelector('#mirror h1') !== null, { timeout: 10000 });
    const mirrored = await page.evaluate(() => document.querySelectorAll('#mirror a, #mirror button').length);
    assert.ok(mirrored > 0, 'the mirror holds the controls');
    assert.equal(await page.evaluate(() => window.stadsmijn.lastError()), '');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('the guide: a device, what is inside it, and where to hand it in', async () => {
    const page = await openPage();
    await page.goto(server.url + '#/devices');
    await ready(page);
    await page.waitForSelector('#mirror input', { timeout: 10000 });
    await page.focus('#mirror input');
    await page.keyboard.type('telefoon');
    await click(page, 'link', /^Smartphone/);
    await routeIs(page, '#/device/smartphone');
    await waitForWidget(page, 'table', /Grondstoffen in een Smartphone/);
    await click(page, 'link', /^Inleveren$/);
    await routeIs(page, '#/device/smartphone/return');
    await waitForWidget(page, 'heading', /inleveren/i);
    assert.equal(await page.evaluate(() => window.stadsmijn.lastError()), '');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('the mirror with the keyboard: Tab reaches a link, Enter follows it and focus starts at the new heading', async () => {
    const page = await openPage();
    await page.goto(server.url + '#/');
    await ready(page);
    await idle(page);
    await page.waitForFunction(() => document.querySelector('#mirror h1') !== null, { timeout: 10000 });
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const e = document.activeElement;
        return e && e.closest('#mirror') ? (e.getAttribute('aria-label') || e.textContent || '') : null;
      });
      seen.push(name);
      if (name && /^Wat doe ik met dit apparaat/.test(name)) break;
    }
    assert.match(seen.at(-1) || '', /^Wat doe ik met dit apparaat/, `Tab went through: ${seen.join(' | ')}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.stadsmijn.route().startsWith('#/devices'), { timeout: 10000 });
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1', { timeout: 5000 });
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('an embed on another site learns its parent from the referrer and sends its height there', async () => {
    const page = await openPage(420, 900);
    await page.goto(`http://localhost:${demo.port}/`);
    const campaign = 'praat-mee-haarlem';
    const handle = await page.waitForSelector(`iframe[src*="embed=${campaign}"]`, { timeout: 10000 });
    await handle.scrollIntoView();
    const frame = await handle.contentFrame();
    await ready(frame, 3);
    const embed = await frame.evaluate(() => ({
      ancestorOrigins: 'ancestorOrigins' in location, referrer: document.referrer,
      parentOrigin: window.stadsmijnEmbedFrame.parentOrigin,
    }));
    // Without location.ancestorOrigins the referrer (cut to the origin by embed.js) names the page.
    assert.equal(embed.ancestorOrigins, false, 'the pref hides location.ancestorOrigins');
    assert.equal(embed.referrer, `http://localhost:${demo.port}/`);
    assert.equal(embed.parentOrigin, `http://localhost:${demo.port}`, JSON.stringify(embed));
    // The page got the frame's height message: the frame is no longer at its first 640 px.
    await page.waitForFunction((c) => {
      const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes(`embed=${c}`));
      return f && f.style.height && f.style.height !== '640px';
    }, { timeout: 15000 }, campaign);
    const content = await frame.evaluate(() => window.stadsmijn.page().content_height);
    const height = await page.evaluate((c) => parseFloat(
      [...document.querySelectorAll('iframe')].find((x) => x.src.includes(`embed=${c}`)).style.height), campaign);
    assert.ok(Math.abs(height - Math.min(Math.max(content, 320), 2400)) <= 2, `frame ${height}px, content ${content}px`);
    await page.close();
  });
});
