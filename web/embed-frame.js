// The app's side of an embed (web/embed.js makes the frame): runs before app.js.
//
// - The page URL's ?embed=<campaign> (which the server checked against the campaign's allowed
//   origins) is carried into the fragment, so the app reads it like any route parameter. Any
//   embed= already in the fragment is dropped first: the fragment is not checked by the server,
//   so a page allowed for campaign A could otherwise frame /?embed=A#/?embed=B and show (and
//   count events for) campaign B. Without ?embed= the app has no campaign at all.
// - Framed without a campaign, the app does not start: a clear message says why.
// - Framed with one, it tells the embedding page its content height, posting only to that page's
//   origin (from location.ancestorOrigins, else the referrer, which embed.js limits to the
//   origin). It reads no messages at all, so the embedding page cannot drive it.
'use strict';
(function () {
  const found = new URLSearchParams(location.search).get('embed') || '';
  const campaign = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(found) && found.length <= 64 ? found : '';
  let framed = true;
  try { framed = window.parent !== window; } catch (error) { framed = true; }
  const state = { campaign: campaign, framed: framed, refused: false, parentOrigin: '', onMirror: null };
  window.stadsmijnEmbedFrame = state;

  if (framed && !campaign) {
    state.refused = true;
    const english = /[?&]lang=en\b/.test(location.hash);
    document.getElementById('loading-text').textContent = english
      ? 'Stadsmijn is shown on other websites only through a campaign. '
      : 'Stadsmijn wordt op andere websites alleen via een campagne getoond. ';
    const link = document.createElement('a');
    link.href = '/';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open Stadsmijn';
    document.getElementById('loading-text').appendChild(link);
    document.getElementById('loading-progress').hidden = true;
    return;
  }
  const hash = location.hash;
  const question = hash.indexOf('?');
  const name = (part) => { try { return decodeURIComponent(part.split('=')[0]); } catch (error) { return 'embed'; } };
  const kept = question < 0 ? [] : hash.slice(question + 1).split('&').filter((p) => p && name(p) !== 'embed');
  if (campaign) kept.push('embed=' + campaign);
  const path = question < 0 ? hash : hash.slice(0, question);
  const checked = kept.length ? (path.length > 1 ? path : '#/') + '?' + kept.join('&') : path;
  if (checked !== hash) history.replaceState(history.state, '', checked || location.pathname + location.search);
  if (!campaign || !framed) return;

  let parentOrigin = '';
  if (location.ancestorOrigins && location.ancestorOrigins.length) parentOrigin = location.ancestorOrigins[0];
  else if (document.referrer) parentOrigin = new URL(document.referrer).origin;
  if (!parentOrigin || parentOrigin === 'null') return;
  state.parentOrigin = parentOrigin;
  const post = (message) => window.parent.postMessage(message, parentOrigin);
  post({ type: 'stadsmijn:hello' });

  let lastHeight = 0;
  // Called by app.js with each new semantics JSON of the app (which carries the page height).
  state.onMirror = (json) => {
    const match = /"content_height":([0-9.]+)/.exec(json);
    if (!match) return;
    const height = Math.ceil(Number(match[1]));
    if (height > 0 && Math.abs(height - lastHeight) > 1) {
      lastHeight = height;
      post({ type: 'stadsmijn:height', height: height });
    }
  };
})();
