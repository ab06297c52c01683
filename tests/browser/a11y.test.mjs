// Accessibility as a checker sees it: axe-core (WCAG 2.0 and 2.1, A and AA) on every route, in
// Dutch at phone size and in English at desktop size, finds nothing; the DOM mirror carries the
// screen's structure; the page reflows at 320 and 640 CSS pixels (400 % and 200 % zoom) and with
// the text at 200 %, without anything running off the side.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { app, launchBrowser, openPage, screenshot, startServer, waitForApp, waitForIdle } from './lib/harness.mjs';
import { routes } from './lib/routes.mjs';

const sizes = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

function withLanguage(route, language) {
  return route + (route.includes('?') ? '&' : '?') + 'lang=' + language;
}

// Goes to a route in the running app (as a link would) and waits until the mirror shows it.
async function show(page, fragment) {
  const frames = await app.frames(page);
  await page.evaluate((hash) => { location.hash = hash; }, fragment);
  await page.waitForFunction((n) => window.stadsmijn.frames() > n, frames, { timeout: 10000 }).catch(() => {});
  await waitForIdle(page);
  await page.waitForFunction(() => document.querySelector('#mirror h1') !== null, null, { timeout: 10000 });
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')).join('\n');
}

describe('axe-core finds no WCAG 2.1 A or AA violation', () => {
  // Two of the four language x size pairs, so each language and each size is still checked: the
  // four pairs took ~400 s of the browser suite under load (2026-12-04), CI's budget is 45 min.
  for (const [language, size] of [['nl', 'phone'], ['en', 'desktop']]) {
    const viewport = sizes[size];
    test(`on every route, in ${language}, at ${size} size (${viewport.width}x${viewport.height})`, async () => {
      const page = await openPage(browser, { viewport, locale: language === 'nl' ? 'nl-NL' : 'en-GB' });
      await page.goto(server.url + withLanguage('#/', language));
      await waitForApp(page);
      await waitForIdle(page);
      const problems = [];
      for (const route of routes) {
        await show(page, withLanguage(route, language));
        const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
        if (results.violations.length) problems.push(`${route}:\n${describeViolations(results.violations)}`);
        assert.ok(results.passes.length > 0, `axe ran on ${route}`);
      }
      await screenshot(page, `a11y-last-route-${size}-${language}`);
      assert.equal(problems.length, 0, problems.join('\n\n'));
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  }
});

describe('the mirror carries the structure of the screen', () => {
  test('headings, text, links, a list and a table with its caption and header cells, in reading order', async () => {
    const page = await openPage(browser, { viewport: sizes.desktop });
    await page.goto(server.url + '#/accessibility?lang=en');
    await waitForApp(page);
    await waitForIdle(page);
    await page.waitForFunction(() => document.querySelector('#mirror h1') !== null);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Accessibility statement');
    assert.ok(await page.getByRole('heading', { level: 2, name: 'Known limits' }).count() === 1);
    assert.ok(await page.getByRole('list').count() >= 2, 'the statement has bulleted lists');
    const limits = await page.getByRole('listitem').allTextContents();
    assert.ok(limits.some((t) => /right to left/.test(t)), 'the statement says right-to-left scripts cannot be drawn');
    const table = page.getByRole('table', { name: 'What each key does' });
    assert.equal(await table.count(), 1);
    assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Key', 'What it does']);
    assert.ok(await table.getByRole('row').count() >= 6);
    assert.ok(await page.getByRole('cell', { name: 'Escape' }).count() === 1);
    // Reading order: the DOM follows the order the frame drew (top bar, body, footer).
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('#mirror [data-id]'))
      .filter((e) => !['TR', 'TD', 'TH', 'LI', 'UL', 'DIV'].includes(e.tagName)).map((e) => e.getBoundingClientRect().top));
    for (let i = 1; i < order.length; i++) assert.ok(order[i] >= order[i - 1] - 40, `element ${i} is not above the one before`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('only what changed touches the DOM: an idle frame rewrites nothing, a language switch rewrites texts in place', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/about');
    await waitForApp(page);
    await waitForIdle(page);
    await page.evaluate(() => {
      window.mutations = 0;
      new MutationObserver((records) => { window.mutations += records.length; })
        .observe(document.getElementById('mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.mouse.move(5, 300);
    await page.mouse.move(6, 301);
    await waitForIdle(page);
    assert.equal(await page.evaluate(() => window.mutations), 0, 'moving the pointer over nothing changes no element');
    const heading = await page.evaluate(() => document.querySelector('#mirror h1').dataset.id);
    const radio = await page.evaluate(() => document.querySelector('#mirror [role=radio][aria-checked=true]').dataset.id);
    await page.getByRole('radio', { name: 'English' }).dispatchEvent('click');
    await page.waitForFunction(() => window.stadsmijn.language() === 'en');
    await waitForIdle(page);
    assert.equal(await page.evaluate((id) => document.querySelector(`#mirror [data-id="${id}"]`)?.textContent, radio), 'Nederlands',
      'the radio element stayed, now unchecked');
    assert.equal(await page.title(), 'About Stadsmijn · Stadsmijn');
    assert.notEqual(await page.evaluate(() => document.querySelector('#mirror h1').dataset.id), undefined);
    assert.ok(heading);
    await page.close();
  });

  test('a route change is announced in the live region, and the page title follows', async () => {
    const page = await openPage(browser);
    await page.goto(server.url + '#/?lang=en');
    await waitForApp(page);
    await waitForIdle(page);
    assert.equal(await page.getAttribute('#announcer', 'aria-live'), 'polite');
    await page.getByRole('link', { name: 'Accessibility' }).dispatchEvent('click');
    await page.waitForFunction(() => document.getElementById('announcer').textContent === 'Accessibility · Stadsmijn');
    assert.equal(await page.title(), 'Accessibility · Stadsmijn');
    await page.close();
  });
});

describe('reflow and text size', () => {
  // Nodes wider than the viewport or starting left of it would be cut off (WCAG 1.4.4, 1.4.10).
  async function offscreen(page, width) {
    const nodes = await app.semantics(page);
    return nodes.filter((n) => n.w > 0 && (n.x < -1 || n.x + n.w > width + 1)).map((n) => `${n.role} "${n.name}" x=${n.x} w=${n.w}`);
  }

  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    test(`at ${viewport.width} CSS pixels wide nothing runs off the side, on every route`, async () => {
      const page = await openPage(browser, { viewport, deviceScaleFactor: viewport.width === 640 ? 2 : 1 });
      await page.goto(server.url);
      await waitForApp(page);
      const problems = [];
      for (const route of routes) {
        await show(page, route);
        const cut = await offscreen(page, viewport.width);
        if (cut.length) problems.push(`${route}: ${cut.join('; ')}`);
      }
      await screenshot(page, `reflow-${viewport.width}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('with the text at 200 % the text is twice as large and nothing runs off a 360 px phone', async () => {
    const heights = {};
    for (const scale of [1, 2]) {
      const page = await openPage(browser, { viewport: sizes.phone });
      await page.addInitScript((s) => localStorage.setItem('stadsmijn.preferences', JSON.stringify({ text_scale: s })), scale);
      await page.goto(server.url + '#/about');
      await waitForApp(page);
      await waitForIdle(page);
      const nodes = await app.semantics(page);
      heights[scale] = nodes.find((n) => n.role === 'heading' && n.level === 1).h;
      const problems = [];
      for (const route of routes) {
        await show(page, route);
        const cut = await offscreen(page, sizes.phone.width);
        if (cut.length) problems.push(`${route}: ${cut.join('; ')}`);
      }
      if (scale === 2) await screenshot(page, 'text-200-phone');
      assert.deepEqual(problems, [], `text scale ${scale}`);
      await page.close();
    }
    assert.ok(heights[2] >= 1.8 * heights[1], `heading height ${heights[1]} -> ${heights[2]}`);
  });

  test('the language row with four languages fits a 360 px phone without overlapping the name', async () => {
    const page = await openPage(browser, { viewport: sizes.phone });
    await page.goto(server.url);
    await waitForApp(page);
    await waitForIdle(page);
    const nodes = await app.semantics(page);
    const radios = nodes.filter((n) => n.role === 'radio');
    const brand = nodes.find((n) => n.role === 'link' && n.name === 'Stadsmijn');
    assert.ok(radios.length >= 4, `languages: ${radios.map((r) => r.name)}`);
    for (const r of radios) {
      assert.ok(r.x + r.w <= 360, `${r.name} ends at ${r.x + r.w}`);
      assert.ok(Math.abs(r.y - radios[0].y) < 2, 'one row');
      assert.ok(r.x >= brand.x + brand.w || r.y >= brand.y + brand.h, `${r.name} does not overlap the name`);
    }
    await page.close();
  });
});
