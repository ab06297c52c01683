// Embeds for municipal campaigns (issue 7), as a campaign's site meets them: web/embed-demo.html
// served from another origin (http://localhost:<port>, a different site than the server's
// http://127.0.0.1:<port>) embeds three campaigns through /embed.js. Third-party cookies are
// blocked in this browser. A page on an origin that is not on any allow-list is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, openPage, screenshot, startServer } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const demoHtml = readFileSync(path.resolve(here, '../../web/embed-demo.html'), 'utf8');
const adminToken = 'embed-browser-test-token-0123456789';

// A tiny static server for the demo page, on a port of its own (a different origin).
function serveDemo(stadsmijnOrigin) {
  return new Promise((resolve) => {
    const http = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(demoHtml.replaceAll('STADSMIJN_ORIGIN', stadsmijnOrigin()));
    });
    http.listen(0, '127.0.0.1', () => resolve({ port: http.address().port, close: () => http.close() }));
  });
}

let server, browser, demo, stranger, origin;
before(async () => {
  demo = await serveDemo(() => origin);
  stranger = await serveDemo(() => origin);
  server = await startServer({
    extraArgs: ['--embed-demo-origin', `http://localhost:${demo.port}`],
    env: { STADSMIJN_ADMIN_TOKEN: adminToken },
  });
  origin = server.url.replace(/\/$/, '');
  // Chromium's switch for the "no third-party cookies" world.
  browser = await launchBrowser(['--test-third-party-cookie-phaseout']);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  demo?.close();
  stranger?.close();
});

function frameOf(page, campaign) {
  return page.frames().find((f) => f.url().includes(`embed=${campaign}`));
}

async function waitForEmbeds(page, campaigns) {
  for (const campaign of campaigns) {
    await page.waitForFunction((c) => [...document.querySelectorAll('iframe')].some((f) => f.src.includes(`embed=${c}`)),
      campaign, { timeout: 10000 });
  }
  const frames = {};
  for (const campaign of campaigns) {
    const frame = frameOf(page, campaign);
    assert.ok(frame, `a frame for ${campaign}`);
    // Chromium draws no animation frames for a cross-site frame outside the viewport: scroll to it,
    // as a reader of the campaign page would.
    await page.locator(`iframe[src*="embed=${campaign}"]`).scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => window.stadsmijn && window.stadsmijn.ready && window.stadsmijn.frames() > 2,
      null, { timeout: 60000 });
    frames[campaign] = frame;
  }
  return frames;
}

describe('three campaigns embedded on a municipal page of another site', () => {
  let page, frames;
  before(async () => {
    page = await openPage(browser, { viewport: { width: 420, height: 900 } });
    await page.goto(`http://localhost:${demo.port}/`);
    frames = await waitForEmbeds(page, ['ruim-je-la-op-amsterdam', 'repareren-loont-almere', 'praat-mee-haarlem']);
  });
  after(async () => { await page?.close(); });

  test('third-party cookies are really blocked in the frames, and the app still runs', async () => {
    const frame = frames['praat-mee-haarlem'];
    const cookieKept = await frame.evaluate(() => { document.cookie = 'probe=1; SameSite=None; Secure'; return document.cookie.includes('probe'); });
    assert.equal(cookieKept, false, 'a cookie set inside the embed is not kept');
    assert.equal(await frame.evaluate(() => window.stadsmijn.lastError()), '');
  });

  test('each embed shows its part in its campaign colours and language', async () => {
    const expected = {
      'ruim-je-la-op-amsterdam': { route: /^#\/(\?|$)/, lang: 'nl', background: '#FFFFFF', accent: '#EC0000', heading: 'Ruim je la op' },
      'repareren-loont-almere': { route: /^#\/device\/smartphone\/repair/, lang: 'en', background: '#F4F9F6', accent: '#00695C', heading: 'Repair pays' },
      'praat-mee-haarlem': { route: /^#\/poll\/grondstoffen-repareren-inleveren/, lang: 'nl', background: '#FFFDF7', accent: '#A6192E', heading: 'Praat mee over grondstoffen' },
    };
    for (const [campaign, want] of Object.entries(expected)) {
      const frame = frames[campaign];
      const state = await frame.evaluate(() => ({
        route: window.stadsmijn.route(), language: window.stadsmijn.language(), page: window.stadsmijn.page(),
        names: window.stadsmijn.semantics().map((n) => n.name),
      }));
      assert.match(state.route, want.route, `${campaign} route ${state.route}`);
      assert.equal(state.language, want.lang, `${campaign} language`);
      assert.equal(state.page.campaign, campaign);
      assert.equal(state.page.background, want.background, `${campaign} background`);
      assert.equal(state.page.accent, want.accent, `${campaign} accent`);
      assert.ok(state.names.includes(want.heading), `${campaign} shows its campaign name: ${state.names.slice(0, 8)}`);
    }
    await screenshot(page, 'embed-demo-page');
  });

  test('each frame follows its content height', async () => {
    for (const campaign of Object.keys(frames)) {
      const frame = frames[campaign];
      await page.waitForFunction((c) => {
        const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes(`embed=${c}`));
        return f && f.style.height !== '640px';
      }, campaign, { timeout: 15000 });
      const content = await frame.evaluate(() => window.stadsmijn.page().content_height);
      const height = await page.evaluate((c) => {
        const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes(`embed=${c}`));
        return parseFloat(f.style.height);
      }, campaign);
      const expected = Math.min(Math.max(content, 320), 2400);
      assert.ok(Math.abs(height - expected) <= 2, `${campaign}: frame ${height}px, content ${content}px`);
    }
  });

  test('a vote cast inside the poll embed counts for Haarlem, and the campaign counts it anonymously', async () => {
    const frame = frames['praat-mee-haarlem'];
    const pollId = 'grondstoffen-repareren-inleveren';
    const before = await (await fetch(`${origin}/api/polls/${pollId}/results?municipality=haarlem`)).json();
    const agree = await frame.evaluate(() => window.stadsmijn.semantics().find((n) => n.role === 'button' && n.name === 'Eens'));
    assert.ok(agree, 'the poll shows an agree button');
    const element = await frame.frameElement();
    // Bring the button itself (not just the top of a tall frame) to the middle of the viewport.
    await element.evaluate((el, y) => window.scrollBy(0, el.getBoundingClientRect().top + y - window.innerHeight / 2),
      agree.y + agree.h / 2);
    await new Promise((r) => setTimeout(r, 300));
    const box = await element.boundingBox();
    await page.mouse.click(box.x + agree.x + agree.w / 2, box.y + agree.y + agree.h / 2);
    let after;
    for (let i = 0; i < 50; i++) {
      after = await (await fetch(`${origin}/api/polls/${pollId}/results?municipality=haarlem`)).json();
      if ((after.counts?.votes ?? 0) > (before.counts?.votes ?? 0)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(after.counts.votes, (before.counts?.votes ?? 0) + 1, 'one more vote from Haarlem');

    let counts;
    for (let i = 0; i < 50; i++) {
      counts = await (await fetch(`${origin}/api/campaigns/praat-mee-haarlem/counts`,
        { headers: { Authorization: `Bearer ${adminToken}` } })).json();
      if (counts.counts.some((c) => c.event === 'vote-cast')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const events = Object.fromEntries(counts.counts.map((c) => [c.event, c.count]));
    assert.equal(events['vote-cast'], 1);
    assert.equal(events['journey-started'], 1);
    assert.deepEqual(Object.keys(counts.counts[0]).sort(), ['count', 'day', 'event'], 'counts only');
    await screenshot(page, 'embed-poll-voted');
  });
});

describe('refusals', () => {
  test('a page on an origin that is not allowed does not get the app, and says so', async () => {
    const page = await openPage(browser);
    await page.goto(`http://127.0.0.1:${stranger.port}/`);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    await page.waitForTimeout(3000);
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const running = await frame.evaluate(() => Boolean(window.stadsmijn)).catch(() => false);
      assert.equal(running, false, `frame ${frame.url()} must not run the app`);
    }
    // embed.js tells the visitor in words instead of an empty box.
    await page.waitForSelector('.stadsmijn-embed-refused', { timeout: 15000 });
    const note = await page.textContent('.stadsmijn-embed-refused');
    assert.match(note, /kan op deze pagina niet worden getoond|cannot be shown/);
    await screenshot(page, 'embed-refused-origin');
    await page.close();
  });

  test('an unknown campaign gets a clear message page, not the app', async () => {
    const response = await fetch(`${origin}/?embed=bestaat-niet`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Deze campagne staat niet/);
  });

  test('the app framed without a campaign does not start and says why', async () => {
    const page = await openPage(browser);
    // Same-origin framing of the plain app is allowed ('self'), so this reaches embed-frame.js.
    await page.goto(`${origin}/healthz`);
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.appendChild(frame);
    }, `${origin}/#/about`);
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.getElementById('loading-text')?.textContent.includes('campagne'));
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.equal(await frame.evaluate(() => Boolean(window.stadsmijn)), false);
    await page.close();
  });
});
