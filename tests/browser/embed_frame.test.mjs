// web/embed-frame.js on its own, in a Node vm with a stand-in page (no browser needed): the
// campaign the app starts with comes only from the page URL's ?embed=, which the server checked
// against that campaign's allowed origins, never from the fragment (issue 11: a page allowed for
// campaign A framed /?embed=A#/?embed=B and got B's branding and B's event counts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import vm from 'node:vm';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = readFileSync(path.resolve(here, '../../web/embed-frame.js'), 'utf8');

// Runs the script for a page at `search` + `hash`, framed or not; gives the fragment the app
// then starts from, and the script's state.
function start({ search = '', hash = '', framed = true }) {
  const location = { search, hash, pathname: '/', ancestorOrigins: ['https://www.haarlem.nl'] };
  const element = () => ({ textContent: '', hidden: false, appendChild() {} });
  const window = {};
  window.parent = framed ? { postMessage() {} } : window;
  const context = {
    window,
    location,
    URLSearchParams,
    URL,
    document: { getElementById: element, createElement: element, referrer: '' },
    history: {
      state: null,
      replaceState(_state, _title, url) {
        location.hash = url.startsWith('#') ? url : '';
      },
    },
  };
  vm.runInNewContext(script, context);
  return { hash: location.hash, state: window.stadsmijnEmbedFrame };
}

const embedOf = (hash) => {
  const query = hash.indexOf('?') < 0 ? '' : hash.slice(hash.indexOf('?') + 1);
  return new URLSearchParams(query).getAll('embed');
};

test('a campaign in the fragment is replaced by the server-checked one from the query', () => {
  const { hash, state } = start({ search: '?embed=praat-mee-haarlem', hash: '#/?embed=ruim-je-la-op-amsterdam' });
  assert.deepEqual(embedOf(hash), ['praat-mee-haarlem']);
  assert.equal(state.campaign, 'praat-mee-haarlem');
});

test('an encoded or repeated embed key in the fragment is dropped too, other parameters stay', () => {
  const { hash } = start({
    search: '?embed=praat-mee-haarlem',
    hash: '#/poll/grondstoffen-repareren-inleveren?lang=en&%65mbed=ruim-je-la-op-amsterdam&embed=x-y',
  });
  assert.equal(hash, '#/poll/grondstoffen-repareren-inleveren?lang=en&embed=praat-mee-haarlem');
});

test('without ?embed= the app has no campaign, whatever the fragment says', () => {
  const { hash } = start({ hash: '#/poll/x?embed=ruim-je-la-op-amsterdam&lang=en', framed: false });
  assert.deepEqual(embedOf(hash), []);
  assert.equal(hash, '#/poll/x?lang=en');
  assert.equal(start({ hash: '#/?embed=ruim-je-la-op-amsterdam', framed: false }).hash, '#/');
});

test('the checked campaign is carried into a fragment that has none', () => {
  assert.equal(start({ search: '?embed=praat-mee-haarlem', hash: '' }).hash, '#/?embed=praat-mee-haarlem');
  assert.equal(start({ search: '?embed=praat-mee-haarlem', hash: '#/device/smartphone?lang=en' }).hash,
               '#/device/smartphone?lang=en&embed=praat-mee-haarlem');
});

test('framed without a checked campaign the app does not start, even with one in the fragment', () => {
  const { state } = start({ hash: '#/?embed=praat-mee-haarlem', framed: true });
  assert.equal(state.refused, true);
  assert.equal(state.campaign, '');
});
