// The debate, as a citizen's browser meets it: the real server (with the sample poll it loads
// from content/polls at start, and a throwaway database) and the real web build. Votes are
// counted only after the server's 200, a vote cast offline waits and goes out when the network
// returns, a statement of your own goes into moderation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { app, clickWidget, launchBrowser, openPage, screenshot, startServer, waitForApp, waitForIdle } from './lib/harness.mjs';
import { decodePng } from './lib/png.mjs';

const poll = 'grondstoffen-repareren-inleveren';
let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// Waits until the app reports a widget with this role whose name passes `match` (a string is an
// exact name, a RegExp a pattern); resolves with that node.
async function waitForWidget(page, role, match, timeout = 15000) {
  const test = typeof match === 'string' ? { exact: match } : { pattern: match.source, flags: match.flags };
  const handle = await page.waitForFunction(([r, t]) => {
    const nodes = window.stadsmijn.semantics();
    const ok = (name) => (t.exact !== undefined ? name === t.exact : new RegExp(t.pattern, t.flags).test(name));
    return nodes.find((n) => n.role === r && ok(n.name)) || null;
  }, [role, test], { timeout, polling: 100 });
  return handle.jsonValue();
}

const names = async (page) => (await app.semantics(page)).map((n) => n.name);
const shows = async (page, pattern) => (await names(page)).some((n) => pattern.test(n));

// Brings a widget into view the way a keyboard user does (focus on its mirror element scrolls the
// canvas to it), then clicks it with a real mouse event.
async function press(page, role, name) {
  // Let the app finish what the last input started (typing may add a line and move the button).
  await waitForIdle(page);
  const node = await waitForWidget(page, role, name);
  const viewport = page.viewportSize();
  if (node.y < 0 || node.y + node.h > viewport.height) {
    await page.locator(`[data-id="${node.id}"]`).focus();
    await page.waitForFunction(([id, height]) => {
      const n = window.stadsmijn.semantics().find((x) => x.id === id);
      return n && n.y >= 0 && n.y + n.h <= height;
    }, [node.id, viewport.height], { timeout: 10000, polling: 100 });
    await waitForIdle(page);
  }
  await clickWidget(page, role, name);
}

async function results(municipality) {
  const query = municipality ? `?municipality=${municipality}` : '';
  const response = await fetch(`${server.url}api/polls/${poll}/results${query}`);
  assert.equal(response.status, 200);
  return response.json();
}

// A resident reads a statement before voting on it: the app takes a tap within 400 ms of the last
// vote as the same tap again (a double tap must not vote on a statement nobody has read).
const readingPause = () => new Promise((resolve) => setTimeout(resolve, 450));

async function voteOn(page, label) {
  const before = await waitForWidget(page, 'text', /^(Statement|Stelling) \d+ (of|van) \d+$/);
  await readingPause();
  await press(page, 'button', label);
  await page.waitForFunction((previous) => !window.stadsmijn.semantics().some((n) => n.name === previous),
    before.name, { timeout: 10000 });
}

const progress = async (page) => (await app.semantics(page)).find((n) => /^(Statement|Stelling) \d+ (of|van) \d+$/.test(n.name))?.name;

async function chooseMunicipality(page, search, fieldName, name) {
  await page.getByRole('searchbox', { name: fieldName }).fill(search);
  await press(page, 'button', name);
}

for (const [label, viewport, language] of [['phone', { width: 360, height: 740 }, 'en'], ['desktop', { width: 1280, height: 900 }, 'nl']]) {
  describe(`the poll on a ${label} (${language})`, () => {
    const en = language === 'en';
    const municipality = en ? { id: 'haarlem', name: 'Haarlem' } : { id: 'almere', name: 'Almere' };
    const words = en
      ? { agree: 'Agree', disagree: 'Disagree', pass: 'Pass', find: 'Find your municipality', counted: 'Your vote has been counted.',
          waiting: /^Not sent yet/, sendNow: 'Send now', own: 'Your statement', sendOwn: 'Send statement',
          moderation: /waiting for moderation/, results: 'See the results', listTitle: /^Critical raw materials/ }
      : { agree: 'Eens', disagree: 'Oneens', pass: 'Sla over', find: 'Zoek je gemeente', counted: 'Je stem is geteld.',
          waiting: /^Nog niet verstuurd/, sendNow: 'Nu versturen', own: 'Jouw stelling', sendOwn: 'Stelling versturen',
          moderation: /wacht op de moderator/, results: 'Bekijk de uitslag', listTitle: /^Kritieke grondstoffen/ };

    test('the list shows the sample poll the server loaded from content/polls', async () => {
      const page = await openPage(browser, { viewport });
      await page.goto(`${server.url}#/debate?lang=${language}`);
      await waitForApp(page);
      const card = await waitForWidget(page, 'link', words.listTitle);
      assert.match(card.name, en ? /\(17 statements\)$/ : /\(17 stellingen\)$/);
      await waitForIdle(page);
      await screenshot(page, `debate-list-${label}-${language}`);
      await clickWidget(page, 'link', card.name);
      await page.waitForFunction((p) => window.stadsmijn.route().startsWith(`#/poll/${p}`), poll);
      await waitForWidget(page, 'button', words.agree);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });

    test('votes are counted after the server stored them, and show in the municipality results', async () => {
      const page = await openPage(browser, { viewport });
      await page.goto(`${server.url}#/poll/${poll}?lang=${language}`);
      await waitForApp(page);
      await waitForWidget(page, 'button', words.agree);
      await chooseMunicipality(page, municipality.name.slice(0, 5), words.find, municipality.name);
      await waitForWidget(page, 'text', en ? `Your municipality: ${municipality.name}` : `Jouw gemeente: ${municipality.name}`);
      const beforeVotes = (await results(municipality.id)).counts?.votes ?? 0;

      await voteOn(page, words.agree);
      await waitForWidget(page, 'text', words.counted);
      await voteOn(page, words.disagree);
      await waitForWidget(page, 'text', words.counted);
      await voteOn(page, words.pass);
      await waitForWidget(page, 'text', words.counted);
      assert.ok(await shows(page, en ? /^Statement 4 of 17$/ : /^Stelling 4 van 17$/));
      const stored = await page.evaluate((p) => JSON.parse(localStorage.getItem(Object.keys(localStorage)
        .find((k) => k.endsWith(`poll.${p}.outbox`)))), poll);
      assert.equal(stored.pending.length, 0, 'nothing waits once the server counted the votes');

      // The server's own results for the municipality hold them (it recomputes at most once a second).
      let counted;
      for (let i = 0; i < 30; i++) {
        counted = await results(municipality.id);
        if ((counted.counts?.votes ?? 0) >= beforeVotes + 3) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(counted.municipality, municipality.id);
      assert.ok(counted.counts.votes >= beforeVotes + 3, `results for ${municipality.id}: ${JSON.stringify(counted.counts)}`);
      // Below 10 participants a municipality's results show counts only, no statement's votes
      // (server/README.md, "Abuse limits"); from 10 on, these votes are among them.
      if (counted.status === 'too_few_participants') {
        assert.deepEqual(counted.statements ?? [], []);
      } else {
        const byId = new Map(counted.statements.map((s) => [s.statement, s.votes]));
        assert.ok(byId.get(1).agree >= 1 && byId.get(2).disagree >= 1 && byId.get(3).pass >= 1);
      }
      await waitForIdle(page);
      await screenshot(page, `debate-voted-${label}-${language}`);

      // The app's results for the municipality: a table, and the chart with its text equivalent.
      await press(page, 'button', words.results);
      // The municipality the citizen chose comes first, not the region.
      await waitForWidget(page, 'text', en ? `Results for ${municipality.name}` : `Uitslag voor ${municipality.name}`);
      assert.ok((await app.semantics(page)).find((n) => n.role === 'radio' && n.name === municipality.name).checked);
      if (counted.status === 'too_few_participants') {
        // Fewer than 10 people here: the app says why it shows no votes, and shows none.
        await waitForWidget(page, 'text', en ? /^Too few participants here yet/ : /^Er doen hier nog te weinig mensen mee/);
        assert.ok(!(await app.semantics(page)).some((n) => n.role === 'table' && /per (statement|stelling)$/.test(n.name)));
      } else {
        await waitForWidget(page, 'table', en ? 'Number of votes per statement' : 'Aantal stemmen per stelling');
        const chart = await waitForWidget(page, 'img', en ? /^Bars with the votes/ : /^Staafjes met de stemmen/);
        assert.match(chart.name, en ? /Statement 1: \d+ agree/ : /Stelling 1: \d+ eens/);
      }
      await waitForIdle(page);
      await screenshot(page, `debate-results-${label}-${language}`);
      assert.deepEqual(page.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
      await page.context().close();
    });

    test('a vote cast offline waits on the device and is sent when the network is back', async () => {
      const page = await openPage(browser, { viewport });
      await page.goto(`${server.url}#/poll/${poll}?lang=${language}&municipality=${municipality.id}`);
      await waitForApp(page);
      await waitForWidget(page, 'button', words.agree);
      const beforeVotes = (await results()).counts?.votes ?? 0;

      await page.context().setOffline(true);
      await voteOn(page, words.agree);
      await waitForWidget(page, 'text', words.waiting);
      await waitForWidget(page, 'status', words.waiting);
      const stored = await page.evaluate((p) => JSON.parse(localStorage.getItem(Object.keys(localStorage)
        .find((k) => k.endsWith(`poll.${p}.outbox`)))), poll);
      assert.equal(stored.pending.length, 1, 'the vote is kept in the stored outbox');
      await waitForIdle(page);
      await screenshot(page, `debate-offline-${label}-${language}`);

      // The app sends it by itself when the network returns (issue 13): no tap on "send now".
      await page.context().setOffline(false);
      await waitForWidget(page, 'text', words.counted);
      assert.ok(!(await shows(page, words.waiting)), 'nothing waits any more');
      let after;
      for (let i = 0; i < 30; i++) {
        after = await results();
        if ((after.counts?.votes ?? 0) > beforeVotes) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(after.counts.votes > beforeVotes, 'the server has the vote cast offline');
      await waitForIdle(page);
      await screenshot(page, `debate-back-online-${label}-${language}`);
      await page.context().close();
    });

    test('a statement of your own goes into moderation', async () => {
      const page = await openPage(browser, { viewport });
      await page.goto(`${server.url}#/poll/${poll}?lang=${language}`);
      await waitForApp(page);
      await waitForWidget(page, 'textbox', words.own);
      const text = en ? 'Every neighbourhood deserves a repair café on Saturdays.' : 'Elke wijk verdient op zaterdag een repaircafé.';
      await page.getByRole('textbox', { name: words.own }).fill(text);
      await press(page, 'button', words.sendOwn);
      await waitForWidget(page, 'text', words.moderation).catch(async (error) => {
        const shown = (await app.semantics(page)).filter((n) => ['status', 'text'].includes(n.role)).map((n) => n.name);
        throw new Error(`${error.message}; the screen shows: ${shown.slice(-12).join(' | ')}`);
      });
      // Strict moderation: the public poll does not show it yet.
      const published = await (await fetch(`${server.url}api/polls/${poll}`)).json();
      assert.ok(!published.statements.some((s) => Object.values(s.text).includes(text)));
      await waitForIdle(page);
      await screenshot(page, `debate-own-statement-${label}-${language}`);
      await page.context().close();
    });

    test('nothing on the poll screen needs sideways scrolling', async () => {
      const page = await openPage(browser, { viewport });
      await page.goto(`${server.url}#/poll/${poll}?lang=${language}&municipality=${municipality.id}`);
      await waitForApp(page);
      await waitForWidget(page, 'button', words.agree);
      await waitForIdle(page);
      const wide = (await app.semantics(page)).filter((n) => !['table', 'row', 'radiogroup'].includes(n.role) && n.x + n.w > viewport.width + 0.5);
      assert.deepEqual(wide.map((n) => `${n.role}:${n.name}`), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      await page.context().close();
    });
  });
}

describe('never lose a tap or a vote (issue 13)', () => {
  test('votes cast offline are all sent when the network returns, with the app left idle', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}#/poll/${poll}?lang=nl&municipality=urk`);
    await waitForApp(page);
    await waitForWidget(page, 'button', 'Eens');
    const beforeVotes = (await results('urk')).counts?.votes ?? 0;
    await page.context().setOffline(true);
    for (const vote of ['Eens', 'Oneens', 'Eens']) await voteOn(page, vote);
    await waitForWidget(page, 'text', /^Nog niet verstuurd/);
    await waitForIdle(page);
    assert.ok(await page.evaluate(() => window.stadsmijn.paused()), 'the app sleeps while nothing happens');

    // Back online; nobody touches the page.
    await page.context().setOffline(false);
    let after;
    for (let i = 0; i < 50; i++) {
      after = await results('urk');
      if ((after.counts?.votes ?? 0) >= beforeVotes + 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(after.counts.votes, beforeVotes + 3, 'all three votes reached the server, each once');
    await waitForWidget(page, 'text', 'Je stem is geteld.');
    const stored = await page.evaluate((p) => JSON.parse(localStorage.getItem(Object.keys(localStorage)
      .find((k) => k.endsWith(`poll.${p}.outbox`)))), poll);
    assert.equal(stored.pending.length, 0);
    assert.deepEqual(await page.evaluate(() => window.stadsmijn.missingTexts()), { count: 0, keys: [] });
    await page.context().close();
  });

  test('a double tap on Eens casts one vote, and the last vote can be changed', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(`${server.url}#/poll/${poll}?lang=nl&municipality=lelystad`);
    await waitForApp(page);
    const agree = await waitForWidget(page, 'button', 'Eens');
    await waitForIdle(page);
    const beforeVotes = (await results('lelystad')).counts?.votes ?? 0;
    const x = agree.x + agree.w / 2, y = agree.y + agree.h / 2;
    await page.touchscreen.tap(x, y);
    await new Promise((resolve) => setTimeout(resolve, 90));
    await page.touchscreen.tap(x, y);
    await waitForWidget(page, 'text', 'Je stem is geteld.');
    await waitForIdle(page);
    assert.equal(await progress(page), 'Stelling 2 van 17');
    let after;
    for (let i = 0; i < 20; i++) {
      after = await results('lelystad');
      if ((after.counts?.votes ?? 0) > beforeVotes) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(after.counts.votes, beforeVotes + 1, 'one vote, not two');

    // Back to statement 1, and the vote changed to "Oneens".
    await readingPause();
    await press(page, 'button', 'Vorige stelling');
    await waitForWidget(page, 'text', 'Je stemde hier: eens. Kies opnieuw om je stem te veranderen.');
    assert.equal(await progress(page), 'Stelling 1 van 17');
    await voteOn(page, 'Oneens');
    await waitForWidget(page, 'text', 'Je stem is geteld.');
    assert.equal(await progress(page), 'Stelling 2 van 17');
    // Lelystad has fewer than 10 participants here, so its results give counts only (the area
    // minimum): the server counted the change ("geteld") and the count of votes that count stays
    // one more than before, so the changed vote replaced the first instead of adding a second.
    after = await results('lelystad');
    assert.equal(after.counts.votes, beforeVotes + 1, 'the changed vote replaced the first');
    assert.deepEqual(await page.evaluate(() => window.stadsmijn.missingTexts()), { count: 0, keys: [] });
    await page.context().close();
  });
});

describe('the map of opinions', () => {
  test('two camps in Zaanstad show as two groups on the map, and you as a ring near yours', async () => {
    // Sixteen people through the public API: half agree with statements 1-4 and disagree with
    // 5-8, the other half the opposite. Tokens are long enough to be valid pseudonyms and keys.
    const token = (prefix, i, j = 0) => `${prefix}${String(i).padStart(4, '0')}${String(j).padStart(4, '0')}mapmapmap`;
    for (let person = 0; person < 16; person++) {
      for (let statement = 1; statement <= 8; statement++) {
        const agree = (person < 8) === (statement <= 4);
        const response = await fetch(`${server.url}api/polls/${poll}/votes`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ participant: token('p', person), statement, vote: agree ? 'agree' : 'disagree',
            key: token('k', person, statement), municipality: 'zaanstad' }),
        });
        assert.equal(response.status, 200, await response.text());
      }
    }
    const counted = await (await fetch(`${server.url}api/polls/${poll}/results?municipality=zaanstad`)).json();
    assert.equal(counted.status, 'grouped', JSON.stringify(counted.counts));
    assert.equal(counted.groups.length, 2);

    const viewport = { width: 360, height: 740 };
    const page = await openPage(browser, { viewport });
    await page.goto(`${server.url}#/poll/${poll}?lang=en&municipality=zaanstad`);
    await waitForApp(page);
    for (const vote of ['Agree', 'Agree', 'Agree', 'Agree', 'Disagree', 'Disagree', 'Disagree', 'Disagree']) {
      await voteOn(page, vote);
      await waitForWidget(page, 'text', 'Your vote has been counted.');
    }
    await press(page, 'button', 'See the results');
    const map = await waitForWidget(page, 'img', /^Map of the opinions\./);
    // The two camps, and you in the one you voted with: 8 and 9 people.
    const sizes = [...map.name.matchAll(/Group ([AB]) \((circles|squares)\): (\d+) people\./g)]
      .map((m) => [m[1], Number(m[3])]);
    assert.deepEqual(sizes.map(([, n]) => n).sort(), [8, 9], map.name);
    // The app places you from your own votes; the nearest group centre is the group the server put you in.
    const yours = sizes.find(([, n]) => n === 9)[0];
    assert.match(map.name, new RegExp(`closest to group ${yours}\\.`));
    assert.ok(map.x >= 0 && map.x + map.w <= viewport.width + 0.5, 'the map fits the phone');
    // Scroll the map into view (a wheel over the canvas, as ImGui scrolls) for the screenshot.
    await page.mouse.move(180, 370);
    for (let attempt = 0; attempt < 20; attempt++) {
      const now = (await app.semantics(page)).find((n) => n.id === map.id);
      if (now && now.y >= 0 && now.y < 200) break;
      const frames = await app.frames(page);
      await page.mouse.wheel(0, Math.max(-400, Math.min(400, (now?.y ?? 0) - 100)));
      await page.waitForFunction((n) => window.stadsmijn.frames() > n, frames, { timeout: 5000 }).catch(() => {});
      await waitForIdle(page).catch(() => {});
    }
    await waitForIdle(page);
    await screenshot(page, 'debate-opinion-map-phone-en');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});

describe('on a touch screen', () => {
  test('a tapped vote button does not stay drawn as hovered (as if chosen) on the next statement', async () => {
    const viewport = { width: 360, height: 740 };
    const page = await openPage(browser, { viewport, hasTouch: true, isMobile: true });
    await page.goto(`${server.url}#/poll/${poll}?lang=en&municipality=haarlem`);
    await waitForApp(page);
    const before = await waitForWidget(page, 'text', /^Statement \d+ of \d+$/);
    const disagree = await waitForWidget(page, 'button', 'Disagree');
    const { y: top } = disagree;
    assert.ok(top > 0 && top + disagree.h < viewport.height, 'the button is on screen');
    await page.touchscreen.tap(disagree.x + disagree.w / 2, disagree.y + disagree.h / 2);
    await page.waitForFunction((previous) => !window.stadsmijn.semantics().some((n) => n.name === previous), before.name);
    await waitForWidget(page, 'text', 'Your vote has been counted.');
    await waitForIdle(page);
    // The next statement's Disagree button, where the finger was: drawn in its resting colour
    // (the accent, as Agree beside it), not the darker hovered one it kept before.
    const next = await waitForWidget(page, 'button', 'Disagree');
    const accent = (await page.evaluate(() => window.stadsmijn.page().accent)).match(/[0-9A-F]{2}/gi).map((h) => parseInt(h, 16));
    const { bytes } = await screenshot(page, 'debate-after-tap-phone-en');
    const image = decodePng(bytes);
    const x = Math.round(next.x + 5), y = Math.round(next.y + next.h / 2);
    const at = (y * image.width + x) * image.channels;
    const pixel = [...image.pixels.subarray(at, at + 3)];
    assert.ok(pixel.every((c, i) => Math.abs(c - accent[i]) <= 3), `resting accent ${accent}, drawn ${pixel}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});
