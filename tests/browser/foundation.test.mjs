// The foundation, as a citizen's browser meets it: the page loads from the real server, draws,
// follows the URL (deep links, language, back button) and stops drawing when left alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { app, clickWidget, launchBrowser, openPage, screenshot, startServer, waitForApp, waitForIdle } from './lib/harness.mjs';
import { decodePng, distinctColours } from './lib/png.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the home page', () => {
  test('loads from the server, draws its first frame and logs no errors', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.equal(await app.route(page), '#/');
    assert.equal(await app.language(page), 'nl', 'Dutch is the default');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    assert.match(await page.title(), /Stadsmijn/);
    const names = (await app.semantics(page)).map((n) => n.name);
    assert.ok(names.includes('Stadsmijn'), 'shows the product name');
    assert.ok(names.some((n) => n.startsWith('Mijn la')), 'shows the drawer entry point');
    assert.equal(await app.lastError(page), '');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('the canvas is not blank', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page, 3);
    await waitForIdle(page);
    const { bytes } = await screenshot(page, 'home-phone-nl');
    const image = decodePng(bytes);
    assert.ok(distinctColours(image) > 20, `expected text and shapes, found ${distinctColours(image)} colours`);
    await page.close();
  });
});

describe('routes in the URL', () => {
  test('a deep link opens its screen in the language it names', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/about?lang=en');
    await waitForApp(page);
    assert.equal(await app.route(page), '#/about?lang=en');
    assert.equal(await app.language(page), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.title(), 'About Stadsmijn · Stadsmijn');
    const headings = (await app.semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);
    assert.ok(headings.includes('Sources'), `About shows its sources: ${headings}`);
    await screenshot(page, 'about-phone-en');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a link in the app adds a history entry and the back button returns', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForIdle(page);
    await clickWidget(page, 'link', 'Over Stadsmijn');
    await page.waitForFunction(() => window.stadsmijn.route() === '#/about');
    assert.equal(new URL(page.url()).hash, '#/about');
    assert.equal(await page.title(), 'Over Stadsmijn · Stadsmijn');
    await page.goBack();
    await page.waitForFunction(() => window.stadsmijn.route() === '#/');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('switching the language updates the URL, the texts and the page language', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/about');
    await waitForApp(page);
    await waitForIdle(page);
    await clickWidget(page, 'radio', 'English');
    await page.waitForFunction(() => window.stadsmijn.language() === 'en');
    assert.equal(new URL(page.url()).hash, '#/about?lang=en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.name === 'About Stadsmijn'));
    await page.reload();
    await waitForApp(page);
    assert.equal(await app.language(page), 'en', 'a reload keeps the language');
    await page.close();
  });

  test('typing another fragment into the address bar changes the screen', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/');
    await waitForApp(page);
    await page.evaluate(() => { location.hash = '#/drawer'; });
    await page.waitForFunction(() => window.stadsmijn.route() === '#/drawer');
    await page.evaluate(() => { location.hash = '#/no/such/page'; });
    await page.waitForFunction(() => window.stadsmijn.route() === '#/no/such/page');
    const headings = (await app.semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);
    assert.ok(headings.includes('Pagina niet gevonden'), `not-found screen: ${headings}`);
    await page.close();
  });
});

describe('languages fetched when chosen', () => {
  // Dutch and English ride in the wasm; Turkish and Polish are fetched (each about 14 KB) only
  // by those who choose them, so a Dutch first load does not carry them.
  const catalogRequests = (page) => {
    const seen = [];
    page.on('request', (request) => { if (/\/i18n-[a-z]+\.[0-9a-f]{10}\.json$/.test(request.url())) seen.push(request.url()); });
    return seen;
  };

  test('a Dutch visit fetches no other catalog; choosing Turkish fetches its texts once', async () => {
    const page = await openPage(browser);
    const seen = catalogRequests(page);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForIdle(page);
    assert.deepEqual(seen, [], 'no catalog fetched for Dutch');
    await page.goto(server.url + '#/?lang=tr');
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.name === 'Çekmecem'));
    assert.equal(seen.length, 1);
    assert.match(seen[0], /\/i18n-tr\.[0-9a-f]{10}\.json$/);
    const response = await fetch(seen[0], { headers: { 'Accept-Encoding': 'br' } });
    assert.match(response.headers.get('cache-control'), /immutable/, 'a hashed catalog is kept by the browser');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'tr');
    assert.match(await page.title(), /Stadsmijn/);
    assert.equal(await app.lastError(page), '');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('a deep link in Polish opens in Polish; without a network the app says so in English and retries', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/about?lang=pl');
    await waitForApp(page);
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.role === 'heading' && n.name === 'O Stadsmijn'));
    await page.close();

    const offline = await openPage(browser);
    await offline.route(/\/i18n-tr\.[0-9a-f]{10}\.json$/, (route) => route.abort('internetdisconnected'));
    await offline.goto(server.url + '#/?lang=tr');
    await waitForApp(offline);
    await offline.waitForFunction(() => window.stadsmijn.semantics().some((n) => /did not load/.test(n.name)));
    const names = (await app.semantics(offline)).map((n) => n.name);
    assert.ok(names.some((n) => /^The Türkçe texts did not load/.test(n)), names.slice(0, 12).join(' | '));
    assert.ok(names.includes('My drawer'), 'the screens read English meanwhile');
    await offline.unroute(/\/i18n-tr\.[0-9a-f]{10}\.json$/);
    await clickWidget(offline, 'button', 'Try again');
    await offline.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.name === 'Çekmecem'));
    assert.ok(!(await app.semantics(offline)).some((n) => /did not load/.test(n.name)), 'the notice is gone');
    await offline.close();
  });
});

describe('rendering on demand', () => {
  test('frames stop while nobody interacts and start again on input', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForIdle(page);
    const idleFrames = await app.frames(page);
    await page.waitForTimeout(2000);
    assert.equal(await app.frames(page), idleFrames, 'no frames drawn while idle');
    await page.mouse.move(100, 200);
    await page.mouse.move(120, 220);
    await page.waitForFunction((n) => window.stadsmijn.frames() > n, idleFrames);
    await waitForIdle(page);
    const afterInput = await app.frames(page);
    assert.ok(afterInput - idleFrames < 30, `a pointer move costs a few frames, not ${afterInput - idleFrames}`);
    await page.close();
  });
});

describe('crisp text on every screen density', () => {
  for (const ratio of [1, 2, 3]) {
    test(`at devicePixelRatio ${ratio} the font is rasterised at ${ratio}x and the canvas has device pixels`, async () => {
      const page = await openPage(browser, { deviceScaleFactor: ratio });
      await page.goto(server.url);
      await waitForApp(page);
      await waitForIdle(page);
      assert.equal(await page.evaluate(() => window.devicePixelRatio), ratio);
      assert.equal(await page.evaluate(() => window.stadsmijn.fontPixelRatio()), ratio);
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { width: c.width, cssWidth: c.getBoundingClientRect().width };
      });
      assert.equal(canvas.width, Math.round(canvas.cssWidth * ratio));
      await screenshot(page, `home-dpr${ratio}`);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  }
});

describe('the page as a host', () => {
  test('allows zoom and does not trap the keyboard of the whole page', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const viewport = await page.evaluate(() => document.querySelector('meta[name=viewport]').content);
    assert.doesNotMatch(viewport, /user-scalable\s*=\s*no|maximum-scale/);
    // An input outside the canvas still receives Backspace and arrows (SDL listens on the canvas only).
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'outside';
      input.value = 'abc';
      document.body.appendChild(input);
    });
    await page.focus('#outside');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    assert.equal(await page.inputValue('#outside'), 'aXb');
    await page.close();
  });

  test('a lost network while loading gives a clear message and a way to retry', async () => {
    const page = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(server.url);
    await page.waitForSelector('#loading-error:not([hidden])');
    assert.match(await page.textContent('#loading-error'), /kon niet worden geladen/);
    assert.ok(await page.isVisible('#loading-retry'));
    await page.close();
  });
});
