// My drawer and the settings as a citizen's browser meets them, on a phone (360 x 740, touch) and
// on a desktop (1280 x 800), through the real server: two devices added, saved and found again
// after a reload; a damaged store reported with nothing lost; export to a file and import into an
// empty drawer; text at 200 % and high contrast, remembered over a reload. Each ends with a
// screenshot and a check that nothing scrolls sideways.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import {
  app, clickWidget, expectNoSidewaysScroll, findWidget, launchBrowser, openPage, phoneAndDesktop, screenshot, startServer,
  waitForApp, waitForIdle, waitForWidget,
} from './lib/harness.mjs';
import { decodePng } from './lib/png.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const SAVED = 'Opgeslagen in deze browser.';

// Brings the widget into view the way a keyboard user does (focus on its mirror element scrolls
// the canvas to it; a wheel on a touch phone moves a notch at a time), then clicks it.
async function revealAndClick(page, role, name) {
  await waitForWidget(page, role, name);
  const height = page.viewportSize().height;
  const node = findWidget(await app.semantics(page), role, name);
  assert.ok(node, `no ${role} "${name}"`);
  if (node.y < 40 || node.y + node.h > height - 10) {
    await page.locator(`[data-id="${node.id}"]`).focus();
    await page.waitForFunction(([id, h]) => {
      const n = window.stadsmijn.semantics().find((x) => x.id === id);
      return n && n.y >= 0 && n.y + n.h <= h;
    }, [node.id, height], { timeout: 10000, polling: 100 });
  }
  await waitForIdle(page);
  const settled = findWidget(await app.semantics(page), role, name);
  return clickWidget(page, role, settled.name);
}

const storedDrawer = (page) => page.evaluate(() => localStorage.getItem('stadsmijn.drawer'));

async function openDrawer(page, fragment = '#/drawer') {
  await page.goto(server.url + fragment);
  await waitForApp(page);
  await waitForWidget(page, 'heading', 'Mijn la');
}

// Finds a device by typing into the real search field of the mirror, picks it, names it, adds it.
async function addDevice(page, search, deviceName, label = '') {
  await page.getByRole('searchbox', { name: 'Zoek een apparaat' }).fill(search);
  await revealAndClick(page, 'radio', deviceName);
  await waitForWidget(page, 'text', `Gekozen: ${deviceName}`);
  if (label) await page.getByRole('textbox', { name: 'Eigen naam (hoeft niet)' }).fill(label);
  await revealAndClick(page, 'button', 'In mijn la zetten');
  await waitForWidget(page, 'heading', label || deviceName);
}

for (const [kind, options] of Object.entries(phoneAndDesktop)) {
  const width = options.viewport.width;

  describe(`my drawer on a ${kind}`, () => {
    test('two devices are added, shown as saved only once in storage, and a reload finds both', async () => {
      const page = await openPage(browser, options);
      await openDrawer(page);
      assert.equal(await storedDrawer(page), null, 'a fresh browser has no drawer yet');
      await addDevice(page, 'mobiele telefoon', 'Smartphone', 'Oude telefoon van oma');
      await waitForWidget(page, 'text', SAVED);
      await addDevice(page, 'laptop', 'Laptop');
      await waitForWidget(page, 'heading', 'In je la: 2 apparaten');
      await waitForWidget(page, 'text', SAVED);
      const stored = JSON.parse(await storedDrawer(page));
      assert.equal(stored.format, 'stadsmijn-drawer');
      assert.deepEqual(stored.entries.map((e) => [e.device, e.label]),
        [['smartphone', 'Oude telefoon van oma'], ['laptop', '']]);

      await page.reload();
      await waitForApp(page);
      assert.equal(await app.route(page), '#/drawer');
      await waitForWidget(page, 'heading', 'Oude telefoon van oma');
      await waitForWidget(page, 'heading', 'Laptop');
      await waitForWidget(page, 'text', SAVED);
      await waitForWidget(page, 'table', 'Grondstoffen in je la, in gram');
      await waitForIdle(page);
      await expectNoSidewaysScroll(page, width);
      await screenshot(page, `drawer-two-devices-${kind}`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });

    test('a corrupt store is reported after a reload, its text kept apart and offered, nothing lost silently', async () => {
      const page = await openPage(browser, options);
      await openDrawer(page);
      await page.evaluate(() => localStorage.setItem('stadsmijn.drawer', '{broken'));
      await page.reload();
      await waitForApp(page);
      await waitForWidget(page, 'status', /^Je opgeslagen la was beschadigd\./);
      await waitForWidget(page, 'text', '- De opgeslagen tekst is beschadigd. Er kon niets uit worden gelezen.');
      assert.equal(await storedDrawer(page), '{broken', 'the damaged text is not written over');
      const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stadsmijn.drawer.damaged-'))
        .map((k) => localStorage.getItem(k)));
      assert.deepEqual(copies, ['{broken'], 'a copy of the original is kept apart');
      await waitForIdle(page);
      await screenshot(page, `drawer-recovery-${kind}`);

      const [download] = await Promise.all([page.waitForEvent('download'),
        revealAndClick(page, 'button', 'Download de oorspronkelijke tekst')]);
      assert.equal(readFileSync(await download.path(), 'utf8'), '{broken');

      await revealAndClick(page, 'button', 'Begrepen, ga verder met wat gelezen is');
      await waitForWidget(page, 'text', SAVED);
      assert.equal(JSON.parse(await storedDrawer(page)).entries.length, 0);
      await expectNoSidewaysScroll(page, width);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });

    test('a partly damaged store keeps the devices it can read and lists the one it dropped', async () => {
      const page = await openPage(browser, options);
      await openDrawer(page);
      const damaged = JSON.stringify({ format: 'stadsmijn-drawer', version: 1, entries: [
        { id: '20261101-aaaa', device: 'laptop', label: 'Werklaptop', plan: 'repair', status: 'later' },
        { id: '20261101-bbbb', device: 'tijdmachine' }] });
      await page.evaluate((text) => localStorage.setItem('stadsmijn.drawer', text), damaged);
      await page.reload();
      await waitForApp(page);
      await waitForWidget(page, 'status', /^Je opgeslagen la was beschadigd\. Stadsmijn kon 1 apparaat/);
      await waitForWidget(page, 'text', "- Apparaat nummer 2 is weggelaten: Stadsmijn kent het apparaat 'tijdmachine' niet.");
      await waitForWidget(page, 'heading', 'Werklaptop');
      assert.equal(await storedDrawer(page), damaged);
      await waitForIdle(page);
      await screenshot(page, `drawer-partly-damaged-${kind}`);
      await page.context().close();
    });

    test('export downloads a file, and importing it into an empty drawer restores the entries', async () => {
      const page = await openPage(browser, options);
      await openDrawer(page);
      await addDevice(page, 'smartphone', 'Smartphone');
      await addDevice(page, 'laptop', 'Laptop', 'Laptop van school');
      await waitForWidget(page, 'text', SAVED);
      const [download] = await Promise.all([page.waitForEvent('download'),
        revealAndClick(page, 'button', 'Download een kopie van je la')]);
      assert.match(download.suggestedFilename(), /^stadsmijn-la-\d{4}-\d{2}-\d{2}\.json$/);
      const text = readFileSync(await download.path(), 'utf8');
      assert.equal(text, await storedDrawer(page), 'the file holds exactly what the browser stored');
      await page.context().close();

      const empty = await openPage(browser, options);
      await openDrawer(empty);
      await waitForWidget(empty, 'text', 'Je la is nog leeg.');
      const [chooser] = await Promise.all([empty.waitForEvent('filechooser'),
        revealAndClick(empty, 'button', 'Kies een bestand om in te lezen')]);
      await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
      await waitForWidget(empty, 'text', '2 apparaten toegevoegd.');
      await waitForWidget(empty, 'heading', 'Smartphone');
      await waitForWidget(empty, 'heading', 'Laptop van school');
      await waitForWidget(empty, 'text', SAVED);
      assert.deepEqual(JSON.parse(await storedDrawer(empty)), JSON.parse(text));
      await waitForIdle(empty);
      await expectNoSidewaysScroll(empty, width);
      await screenshot(empty, `drawer-imported-${kind}`);
      assert.deepEqual(empty.consoleErrors, []);
      await empty.context().close();
    });
  });

  describe(`the settings on a ${kind}`, () => {
    test('text at 200 % and high contrast apply at once and are still set after a reload', async () => {
      const page = await openPage(browser, options);
      await page.goto(server.url + '#/settings');
      await waitForApp(page);
      await waitForWidget(page, 'heading', 'Instellingen');
      await waitForIdle(page);
      const before = findWidget(await app.semantics(page), 'heading', 'Voorbeeld');

      await page.getByRole('slider', { name: 'Tekstgrootte' }).fill('200');
      await page.waitForFunction(() => /"text_scale":2(\.0)?\b/.test(localStorage.getItem('stadsmijn.preferences') || ''));
      await revealAndClick(page, 'radio', 'Hoog contrast');
      await page.waitForFunction(() => /"theme":"high-contrast"/.test(localStorage.getItem('stadsmijn.preferences') || ''));

      await page.reload();
      await waitForApp(page);
      await waitForWidget(page, 'heading', 'Instellingen');
      await waitForIdle(page);
      const nodes = await app.semantics(page);
      assert.equal(findWidget(nodes, 'slider', 'Tekstgrootte').number, 200);
      assert.ok(findWidget(nodes, 'radio', 'Hoog contrast').checked, 'high contrast is still chosen');
      const larger = findWidget(nodes, 'heading', 'Voorbeeld');
      assert.ok(larger.h >= before.h * 1.8, `text is twice as large: ${before.h} -> ${larger.h}`);
      await expectNoSidewaysScroll(page, width);
      const { bytes } = await screenshot(page, `settings-200-high-contrast-${kind}`);
      const image = decodePng(bytes);
      const at = (image.height >> 1) * image.width * image.channels + image.channels; // x = 1, halfway down
      assert.deepEqual([...image.pixels.subarray(at, at + 3)], [0, 0, 0], 'the high-contrast background is black');

      // The drawer at 200 % still fits the phone.
      await page.evaluate(() => { location.hash = '#/drawer'; });
      await waitForWidget(page, 'heading', 'Mijn la');
      await waitForIdle(page);
      await expectNoSidewaysScroll(page, width);
      await screenshot(page, `drawer-200-high-contrast-${kind}`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  });
}
