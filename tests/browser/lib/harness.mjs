// Shared set-up for the browser tests: start the real server on a free port, launch Debian's
// Chromium headless through playwright-core, and read the app through window.stadsmijn.
//
// Environment (CTest sets these): STADSMIJN_SERVER (the server binary), STADSMIJN_WEB_DIST (the
// web build), STADSMIJN_TEST_OUTPUT (where screenshots go).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
export const serverBinary = process.env.STADSMIJN_SERVER || path.join(repo, 'build/native/stadsmijn-server');
export const webDist = process.env.STADSMIJN_WEB_DIST || path.join(repo, 'build/web/dist');
export const outputDir = process.env.STADSMIJN_TEST_OUTPUT || path.join(repo, 'build/test-output/browser');

// Starts the server on a free port; resolves with { url, stop }.
// Each server gets its own throwaway poll database, so test files running in parallel never share votes.
// `extraArgs` and `env` pass options through (an admin token, a second port).
export async function startServer({ extraArgs = [], env = {} } = {}) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const database = path.join(mkdtempSync(path.join(tmpdir(), 'stadsmijn-browser-')), 'polls.sqlite3');
  const child = spawn(serverBinary, ['--web', webDist, '--port', String(port), '--db', database, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const response = await fetch(url + 'healthz');
      if (response.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    output: () => output,
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }),
  };
}

// Playwright gives each launch a fresh, empty profile of its own.
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      ...extraArgs],
  });
}

// A page that records console errors and page errors, for the "no console errors" checks.
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

export async function waitForApp(page, minimumFrames = 1) {
  await page.waitForFunction((n) => window.stadsmijn && window.stadsmijn.ready && window.stadsmijn.frames() >= n,
    minimumFrames, { timeout: 30000 });
}

// Resolves once the app has stopped drawing (render on demand).
export async function waitForIdle(page, timeout = 10000) {
  await page.waitForFunction(() => window.stadsmijn.paused(), null, { timeout, polling: 50 });
}

export const app = {
  frames: (page) => page.evaluate(() => window.stadsmijn.frames()),
  route: (page) => page.evaluate(() => window.stadsmijn.route()),
  language: (page) => page.evaluate(() => window.stadsmijn.language()),
  semantics: (page) => page.evaluate(() => window.stadsmijn.semantics()),
  lastError: (page) => page.evaluate(() => window.stadsmijn.lastError()),
};

// Clicks the widget the app reports with this role and name, with a real (trusted) mouse event.
export async function clickWidget(page, role, name) {
  const nodes = await app.semantics(page);
  const node = nodes.find((n) => n.role === role && n.name === name);
  if (!node) throw new Error(`no ${role} named "${name}" among: ${nodes.map((n) => `${n.role}:${n.name}`).join(', ')}`);
  await page.mouse.click(node.x + node.w / 2, node.y + node.h / 2);
  return node;
}

export async function screenshot(page, name) {
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${name}.png`);
  const bytes = await page.screenshot({ path: file });
  return { file, bytes };
}

// The two sizes the journeys are walked at: a phone held upright, with touch, and a desktop.
export const phoneAndDesktop = {
  phone: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

// The widget with this role whose name is `name` (a string) or matches it (a RegExp).
export const findWidget = (nodes, role, name) =>
  nodes.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));

// Waits until the app reports such a widget.
export async function waitForWidget(page, role, name, timeout = 15000) {
  const pattern = name instanceof RegExp ? { source: name.source, flags: name.flags } : null;
  await page.waitForFunction(([r, n, p]) => window.stadsmijn.semantics().some((node) => node.role === r &&
    (p ? new RegExp(p.source, p.flags).test(node.name) : node.name === n)), [role, pattern ? null : name, pattern],
  { timeout, polling: 100 });
}

// Nothing on the page, and no widget the app drew, reaches past `width`.
export async function expectNoSidewaysScroll(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `page scrolls sideways: ${scrollWidth} > ${width}`);
  const wide = (await app.semantics(page)).filter((n) => n.x + n.w > width + 0.5 || n.x < -0.5);
  assert.deepEqual(wide.map((n) => `${n.role}:${n.name.slice(0, 60)} x=${n.x} w=${n.w}`), []);
}
