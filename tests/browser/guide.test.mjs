// The guide's journeys as a citizen walks them, on a phone (360 x 740, touch) and on a desktop
// (1280 x 800), through the real server: a smartphone with a broken screen to a repair plan, a
// laptop to give away, an e-bike battery to hand in. Each ends with a screenshot, a check that
// nothing scrolls sideways, and a reload that keeps the screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  app, clickWidget, expectNoSidewaysScroll, findWidget, launchBrowser, openPage, phoneAndDesktop, screenshot, startServer,
  waitForApp, waitForIdle, waitForWidget,
} from './lib/harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// Scrolls the page (a wheel over the canvas, as ImGui scrolls) until the widget is on screen, then clicks it.
async function revealAndClick(page, role, name) {
  await waitForWidget(page, role, name);
  const height = page.viewportSize().height;
  for (let attempt = 0; attempt < 25; attempt++) {
    const node = findWidget(await app.semantics(page), role, name);
    assert.ok(node, `no ${role} "${name}"`);
    if (node.y >= 40 && node.y + node.h <= height - 10) {
      await waitForIdle(page);
      const settled = findWidget(await app.semantics(page), role, name);
      return clickWidget(page, role, settled.name);
    }
    const frames = await app.frames(page);
    await page.mouse.move(Math.min(300, page.viewportSize().width / 2), height / 2);
    await page.mouse.wheel(0, Math.max(-500, Math.min(500, node.y - height / 2)));
    await page.waitForFunction((n) => window.stadsmijn.frames() > n, frames, { timeout: 5000 }).catch(() => {});
    await waitForIdle(page).catch(() => {});
  }
  throw new Error(`could not bring ${role} "${name}" into view`);
}

async function reloadKeeps(page, route, role, name) {
  await page.reload();
  await waitForApp(page);
  assert.equal(await app.route(page), route);
  await waitForWidget(page, role, name);
}

for (const [kind, options] of Object.entries(phoneAndDesktop)) {
  const width = options.viewport.width;

  describe(`the guide on a ${kind}`, () => {
    test('a smartphone with a broken screen: search, what is inside, repair, the fault "Scherm", odds with n and the options', async () => {
      const page = await openPage(browser, options);
      await page.goto(server.url + '#/devices');
      await waitForApp(page);
      await page.getByRole('searchbox', { name: 'Zoek je apparaat' }).fill('telefoon');
      await waitForWidget(page, 'link', 'Smartphone');
      await clickWidget(page, 'link', 'Smartphone');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/smartphone');
      await waitForWidget(page, 'table', /Grondstoffen in een Smartphone/);
      await waitForIdle(page);
      await screenshot(page, `guide-inside-smartphone-${kind}`);
      await clickWidget(page, 'link', 'Repareren');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/smartphone/repair');
      await revealAndClick(page, 'radio', 'Scherm');
      // Odds for the whole category show before a fault is chosen: wait for the fault's own.
      await waitForWidget(page, 'text', /Dit geldt voor dit probleem: Scherm/);
      await waitForWidget(page, 'text', /lukte het \d+ van de \d+ keer/);
      const nodes = await app.semantics(page);
      const odds = findWidget(nodes, 'text', /lukte het \d+ van de \d+ keer/);
      const n = Number(odds.name.match(/van de (\d+) keer/)[1]);
      assert.ok(n >= 20, `the odds name their sample size: ${odds.name}`);
      assert.ok(findWidget(nodes, 'text', /Dit geldt voor dit probleem: Scherm/), 'says the odds are for this fault');
      for (const option of ['Zelf repareren', 'Repair café', 'Reparateur'])
        assert.ok(findWidget(nodes, 'heading', option), `option ${option}`);
      assert.ok(findWidget(nodes, 'radio', 'Scherm').checked, 'the fault is chosen');
      await expectNoSidewaysScroll(page, width);
      await screenshot(page, `guide-repair-smartphone-screen-${kind}`);
      const route = await app.route(page);
      assert.match(route, /^#\/device\/smartphone\/repair\?fault=[A-Za-z0-9%+-]+$/, 'the fault is kept in the URL');
      await reloadKeeps(page, route, 'heading', 'Zelf repareren');
      assert.ok(findWidget(await app.semantics(page), 'radio', 'Scherm').checked, 'a reload keeps the fault');
      await waitForWidget(page, 'text', /Dit geldt voor dit probleem: Scherm/);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    test('a laptop to give away: the reuse screen with the wiping checklist', async () => {
      const page = await openPage(browser, options);
      await page.goto(server.url + '#/devices');
      await waitForApp(page);
      await page.getByRole('searchbox', { name: 'Zoek je apparaat' }).fill('laptop');
      await waitForWidget(page, 'link', 'Laptop');
      await clickWidget(page, 'link', 'Laptop');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/laptop');
      await waitForWidget(page, 'link', 'Hergebruiken');
      await clickWidget(page, 'link', 'Hergebruiken');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/laptop/reuse');
      await waitForWidget(page, 'heading', 'Weggeven');
      await waitForWidget(page, 'heading', 'Je gegevens wissen');
      const steps = (await app.semantics(page)).filter((n) => n.role === 'checkbox');
      assert.ok(steps.length >= 3, `a checklist of steps: ${steps.map((s) => s.name)}`);
      await revealAndClick(page, 'checkbox', steps[0].name);
      await page.waitForFunction((name) => window.stadsmijn.semantics().some((n) => n.role === 'checkbox' && n.name === name && n.checked), steps[0].name);
      assert.ok(findWidget(await app.semantics(page), 'checkbox', /Log uit bij je accounts/), 'the activation lock step');
      await expectNoSidewaysScroll(page, width);
      await screenshot(page, `guide-reuse-laptop-${kind}`);
      await reloadKeeps(page, '#/device/laptop/reuse', 'heading', 'Je gegevens wissen');
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });

    test('an e-bike battery to hand in: by group, the return screen, a municipality, places and battery safety', async () => {
      const page = await openPage(browser, options);
      await page.goto(server.url + '#/devices');
      await waitForApp(page);
      await revealAndClick(page, 'radio', "Accu's, elektrische fietsen en opladers");
      await revealAndClick(page, 'link', 'Accu van een elektrische fiets');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/e-bike-battery');
      await waitForWidget(page, 'link', 'Inleveren');
      await clickWidget(page, 'link', 'Inleveren');
      await page.waitForFunction(() => window.stadsmijn.route() === '#/device/e-bike-battery/return');
      await waitForWidget(page, 'searchbox', 'Je gemeente');
      await page.getByRole('searchbox', { name: 'Je gemeente' }).fill('Haarlem');
      await revealAndClick(page, 'button', 'Haarlem');
      await waitForWidget(page, 'text', 'Je gemeente: Haarlem');
      await waitForWidget(page, 'heading', 'Milieuplein Spaarnelanden');
      const nodes = await app.semantics(page);
      assert.ok(findWidget(nodes, 'heading', 'Veilig met de accu'), 'battery safety');
      assert.ok(findWidget(nodes, 'text', /Plak de polen/), 'tape the terminals');
      assert.ok(findWidget(nodes, 'text', /Volgende keer open|Nu open/), 'the next opening');
      assert.ok(findWidget(nodes, 'heading', 'Wat recycling terugwint, en wat verloren gaat'), 'what recycling recovers');
      await waitForWidget(page, 'text', 'Onthouden in deze browser.');
      await expectNoSidewaysScroll(page, width);
      await screenshot(page, `guide-return-e-bike-battery-${kind}`);
      await reloadKeeps(page, '#/device/e-bike-battery/return', 'text', 'Je gemeente: Haarlem');
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  });
}

describe('deep links into the guide', () => {
  test('each guide screen opens from its link and survives a reload; an unknown device says so', async () => {
    const page = await openPage(browser, phoneAndDesktop.phone);
    for (const [route, heading] of [['#/devices', 'Zoek je apparaat'], ['#/device/smartphone', 'Smartphone'],
      ['#/device/laptop/reuse?lang=en', 'Wipe your data'], ['#/device/e-bike-battery/return?lang=nl', 'Waar kun je het inleveren?'],
      ['#/device/no-such-thing?lang=nl', 'Dit apparaat kennen we niet']]) {
      await page.goto(server.url + route);
      await waitForApp(page);
      await waitForWidget(page, 'heading', heading).catch(async (error) => {
        const headings = (await app.semantics(page)).filter((n) => n.role === 'heading').map((n) => n.name);
        throw new Error(`${route} (at ${await app.route(page)}) has no heading "${heading}": ${headings.join(' | ')}`, { cause: error });
      });
      await reloadKeeps(page, route, 'heading', heading);
      await expectNoSidewaysScroll(page, 360);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
});
