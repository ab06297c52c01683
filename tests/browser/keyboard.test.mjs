// The journeys done two ways a citizen without a mouse does them: with only the keyboard (Tab,
// Shift+Tab, Enter, Space, arrows, Escape), and with only the mirror's roles and accessible names,
// as a screen reader finds and activates them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { app, clickWidget, launchBrowser, openPage, screenshot, startServer, waitForApp, waitForIdle } from './lib/harness.mjs';
import { routes } from './lib/routes.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(fragment, options = {}) {
  const page = await openPage(browser, options);
  await page.goto(server.url + fragment);
  await waitForApp(page);
  await waitForIdle(page);
  await page.waitForFunction(() => document.querySelector('#mirror h1') !== null);
  return page;
}

// What has keyboard focus: its role in the mirror, its accessible name, where it is drawn.
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const name = e.getAttribute('aria-label') || e.textContent || '';
    const box = e.getBoundingClientRect();
    return { id: e.dataset.id || '', tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || e.dataset.role || '',
      name, checked: e.getAttribute('aria-checked'), x: box.x, y: box.y, w: box.width, h: box.height,
      outline: getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth + ' ' + getComputedStyle(e).outlineColor };
  });
}

// Presses Tab until the focused element's name matches; fails after `limit` presses.
async function tabTo(page, pattern, limit = 80) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && pattern.test(now.name)) return now;
    seen.push(now ? `${now.role}:${now.name.slice(0, 40)}` : '(left the page)');
  }
  throw new Error(`Tab never reached ${pattern}; went through: ${seen.join(' | ')}`);
}

async function settled(page, route) {
  await page.waitForFunction((r) => window.stadsmijn.route().startsWith(r), route, { timeout: 10000 });
  await waitForIdle(page);
}

async function headingFocused(page) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1', null, { timeout: 5000 });
}

describe('keyboard only', () => {
  test('Tab goes through the app in reading order with a visible focus ring, and leaves it after the last element', async () => {
    const page = await open('#/');
    const stops = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) break;
      stops.push(now);
    }
    assert.ok(stops.length >= 5, `reached ${stops.length} elements`);
    assert.ok(stops.length < 60, 'Tab left the app: focus went on to the browser');
    const ids = stops.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'no element is reached twice (no trap, no loop)');
    for (let i = 1; i < stops.length; i++) {
      const [a, b] = [stops[i - 1], stops[i]];
      assert.ok(b.y > a.y - 4 || (Math.abs(b.y - a.y) < 4 && b.x > a.x), `reading order: ${a.name} then ${b.name}`);
    }
    for (const stop of stops) {
      assert.match(stop.outline, /^solid 3px rgb/, `${stop.name} shows a focus ring`);
      assert.ok(stop.w > 0 && stop.h > 0, `${stop.name} sits over its widget`);
    }
    // Shift+Tab walks back the same way.
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page))?.id, stops[stops.length - 1].id);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page))?.id, stops[stops.length - 2].id);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  // Found by a walk (2026-12-04): the twelve device groups had tabindex -1 while none was chosen.
  test('a radio group with nothing chosen yet is reached by Tab, on its first choice', async () => {
    const page = await open('#/devices?lang=en', { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const radios = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) break;
      if (now.role !== 'radio') continue;
      radios.push(now);
      if (!/^(Nederlands|English|Türkçe|Polski)/.test(now.name)) break;
    }
    const groups = radios.filter((r) => !/^(Nederlands|English|Türkçe|Polski)/.test(r.name));
    assert.ok(groups.length >= 1, `Tab reached only these radios: ${radios.map((r) => r.name).join(', ')}`);
    assert.equal(groups[0].checked, 'false', 'nothing chosen yet');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-checked') === 'true', null,
      { timeout: 10000 });
    assert.notEqual((await focused(page))?.name, groups[0].name, 'the arrow key moved to the next choice');
    await page.close();
  });

  // Found by a walk (2026-12-04): after Space on Agree focus fell to the page's body, and five Tabs
  // led back to the vote buttons of the next statement.
  test('after a vote by keyboard, focus stays on the vote button for the next statement', async () => {
    const page = await open('#/poll/grondstoffen-repareren-inleveren?lang=en&municipality=urk',
      { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const statement = () => page.evaluate(() => window.stadsmijn.semantics()
      .find((n) => /^Statement \d+ of \d+$/.test(n.name))?.name);
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => /^Statement 1 of \d+$/.test(n.name)));
    await tabTo(page, /^Agree$/);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => /^Statement 2 of \d+$/.test(n.name)),
      null, { timeout: 10000 });
    await waitForIdle(page);
    await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null,
      { timeout: 5000 }).catch(() => {});
    const now = await focused(page);
    assert.equal(now?.name, 'Agree', `focus after the vote: ${now ? now.role + ':' + now.name : 'the page body'}`);
    assert.equal(await statement(), 'Statement 2 of 17');
    await page.close();
  });

  test('on every route Tab reaches every control once and then leaves the app (no keyboard trap)', async () => {
    const problems = [];
    for (const route of routes) {
      // A fresh load each time, so Tab starts at the top of the document.
      const page = await open(route);
      // Screens that fetch (the polls) draw again when the answer comes: let them settle first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await waitForIdle(page);
      const ids = [];
      let left = false;
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now) { left = true; break; }
        if (ids.includes(now.id)) break;
        ids.push(now.id);
      }
      if (!left) problems.push(`${route}: Tab did not leave the app after ${ids.length} controls: ${ids.join(' ')}`);
      if (ids.length === 0) problems.push(`${route}: nothing to Tab to`);
      if (page.consoleErrors.length) problems.push(`${route}: ${page.consoleErrors.join('; ')}`);
      await page.close();
    }
    assert.deepEqual(problems, []);
  });

  test('the focus ring has at least 3:1 contrast with the page in the light and dark themes', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open('#/about', { colorScheme });
      await page.keyboard.press('Tab');
      const colours = await page.evaluate(() => {
        const style = getComputedStyle(document.getElementById('mirror'));
        return { focus: style.getPropertyValue('--mirror-focus').trim(), page: getComputedStyle(document.body).backgroundColor };
      });
      const rgb = (c) => (c.startsWith('#') ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+/g).slice(0, 3).map(Number));
      const lum = (c) => rgb(c).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const [a, b] = [lum(colours.focus), lum(colours.page)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      assert.ok(ratio >= 3, `${colorScheme}: focus ${colours.focus} on ${colours.page} is ${ratio.toFixed(2)}:1`);
      await page.close();
    }
  });

  test('home, find your device, smartphone, repair: Tab and Enter all the way, focus starting at each new page', async () => {
    const page = await open('#/');
    await tabTo(page, /^Wat doe ik met dit apparaat/);
    await page.keyboard.press('Enter');
    await settled(page, '#/devices');
    await headingFocused(page);
    const search = await tabTo(page, /zoek/i);
    assert.equal(search.tag, 'input');
    await page.keyboard.type('smartphone');
    await waitForIdle(page);
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.role === 'link' && /^Smartphone/.test(n.name)));
    await tabTo(page, /^Smartphone/);
    await page.keyboard.press('Enter');
    await settled(page, '#/device/smartphone');
    await headingFocused(page);
    await tabTo(page, /repar/i);
    await page.keyboard.press('Enter');
    await settled(page, '#/device/smartphone/repair');
    await headingFocused(page);
    await screenshot(page, 'keyboard-journey-repair');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('the new screen\'s heading shows its focus ring after Enter, not after a click or a tap', async () => {
    const page = await open('#/');
    await tabTo(page, /^Wat doe ik met dit apparaat/);
    await page.keyboard.press('Enter');
    await settled(page, '#/devices');
    await headingFocused(page);
    assert.match((await focused(page)).outline, /^solid 3px/, 'a keyboard user sees where focus went');

    await page.mouse.click(5, 5);  // a pointer, somewhere on the page
    await page.evaluate(() => { location.hash = '#/'; });
    await settled(page, '#/');
    await headingFocused(page);
    await clickWidget(page, 'link', (await app.semantics(page)).find((n) => n.role === 'link' && /^Wat doe ik met dit apparaat/.test(n.name)).name);
    await settled(page, '#/devices');
    await headingFocused(page);
    assert.match((await focused(page)).outline, /^none/, 'no ring drawn around a heading after a click');
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).outline, /^solid 3px/, 'the next Tab shows the ring again');
    await page.close();
  });

  test('the language is switched with the arrow keys in its radio group, and the URL keeps it', async () => {
    const page = await open('#/about');
    const radio = await tabTo(page, /^Nederlands$/);
    assert.equal(radio.checked, 'true');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.stadsmijn.language() === 'en');
    await waitForIdle(page);
    assert.match(new URL(page.url()).hash, /lang=en/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const now = await focused(page);
    assert.equal(now.name, 'English', 'focus stays on the chosen language');
    assert.equal(now.checked, 'true');
    // Every language in the row, one Tab stop for the group.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.stadsmijn.language() !== 'en');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.stadsmijn.language() === 'en');
    await page.keyboard.press('Space');
    await waitForIdle(page);
    assert.equal(await app.language(page), 'en', 'Space on the chosen language keeps it');
    await page.close();
  });

  test('Escape clears the search field', async () => {
    const page = await open('#/devices?lang=en');
    const field = await tabTo(page, /find your device/i);
    assert.equal(field.tag, 'input');
    await page.keyboard.type('laptop');
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.role === 'searchbox' && n.value === 'laptop'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.stadsmijn.semantics().some((n) => n.role === 'searchbox' && !n.value));
    await page.close();
  });
});

describe('the mirror only (roles and accessible names, as a screen reader)', () => {
  test('home, find your device, smartphone, repair', async () => {
    const page = await open('#/?lang=en');
    await page.getByRole('link', { name: /^What do I do with this device/ }).dispatchEvent('click');
    await settled(page, '#/devices');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Find your device');
    await page.getByRole('searchbox').first().fill('smartphone');
    const result = page.getByRole('link', { name: /^Smartphone/ }).first();
    await result.waitFor();
    await result.dispatchEvent('click');
    await settled(page, '#/device/smartphone');
    await page.getByRole('link', { name: /repair/i }).first().dispatchEvent('click');
    await settled(page, '#/device/smartphone/repair');
    assert.ok(await page.getByRole('heading', { level: 1 }).count() === 1);
    await page.close();
  });

  test('switching the language through the radio group', async () => {
    const page = await open('#/');
    const group = page.getByRole('radiogroup', { name: 'Taal' });
    assert.ok(await group.getByRole('radio').count() >= 4, 'Dutch, English, Turkish and Polish');
    await group.getByRole('radio', { name: 'Polski' }).dispatchEvent('click');
    await page.waitForFunction(() => window.stadsmijn.language() === 'pl');
    await waitForIdle(page);
    assert.equal(await page.getByRole('radiogroup', { name: 'Język' }).getByRole('radio', { name: 'Polski' }).getAttribute('aria-checked'), 'true');
    assert.match(await page.title(), /Stadsmijn/);
    await page.getByRole('radio', { name: 'Türkçe' }).dispatchEvent('click');
    await page.waitForFunction(() => window.stadsmijn.language() === 'tr');
    await page.waitForFunction(() => document.querySelector('#mirror [role=radiogroup]')?.getAttribute('aria-label') === 'Dil');
    await page.close();
  });

  test('the accessibility statement and a page that does not exist are reached and read', async () => {
    const page = await open('#/?lang=en');
    await page.getByRole('link', { name: 'Accessibility' }).dispatchEvent('click');
    await settled(page, '#/accessibility');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Accessibility statement');
    await page.evaluate(() => { location.hash = '#/nowhere?lang=en'; });
    await page.waitForFunction(() => document.querySelector('#mirror h1')?.textContent === 'Page not found');
    await page.getByRole('link', { name: 'Back to the start page' }).dispatchEvent('click');
    await settled(page, '#/');
    await page.close();
  });
});
