// Stadsmijn on a campaign's own page: one script tag, read from its data-* attributes.
//
//   <script src="https://<stadsmijn host>/embed.js" data-campaign="praat-mee-haarlem" data-part="poll"
//           data-poll="grondstoffen-repareren-inleveren" data-municipality="haarlem" data-lang="nl"></script>
//
//   data-part          app | device | repair | poll | return | drawer   (default: app)
//   data-campaign      the campaign id (content/campaigns/<id>.json); its site must be on its allow-list
//   data-device        for device, repair and return;  data-poll for poll
//   data-municipality  local places and poll results of this municipality first
//   data-lang          nl | en (default nl);  data-height  a fixed height in px (default: follows the content)
//   data-title         the frame's name for screen readers (default: "Stadsmijn")
//
// The app runs in a sandboxed iframe from the Stadsmijn origin. It sizes itself by postMessage:
// only messages from that origin and from its own frame are read; the frame posts only to this
// page's origin. Nothing here sets or reads cookies or storage of this page.
'use strict';
(function () {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const data = script.dataset;
  const id = (value) => (typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 64 ? value : '');
  const parts = ['app', 'device', 'repair', 'poll', 'return', 'drawer'];
  const part = parts.indexOf(data.part) >= 0 ? data.part : 'app';
  const lang = data.lang === 'en' ? 'en' : 'nl';
  const device = id(data.device);
  const poll = id(data.poll);
  const campaign = id(data.campaign);
  const routes = {
    app: '/',
    device: device ? '/device/' + device : '/devices',
    repair: device ? '/device/' + device + '/repair' : '/devices',
    poll: poll ? '/poll/' + poll : '/debate',
    return: device ? '/device/' + device + '/return' : '/devices',
    drawer: '/drawer',
  };
  const query = new URLSearchParams({ lang: lang });
  if (id(data.municipality)) query.set('municipality', id(data.municipality));
  const page = origin + '/' + (campaign ? '?embed=' + campaign : '');

  const frame = document.createElement('iframe');
  frame.src = page + '#' + routes[part] + '?' + query.toString();
  frame.title = data.title || 'Stadsmijn';
  // Scripts and its own storage (the drawer); links open in a new tab; an export downloads.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads');
  // Stadsmijn learns this site's origin (to answer it), never the page's path.
  frame.setAttribute('referrerpolicy', 'strict-origin');
  frame.setAttribute('allow', 'clipboard-write');
  const fixed = Number(data.height);
  const minimum = 320;
  const maximum = 2400;
  frame.style.cssText = 'display:block;width:100%;border:0;';
  frame.style.height = (fixed > 0 ? Math.min(Math.max(fixed, minimum), maximum) : 640) + 'px';

  const box = document.createElement('div');
  box.className = 'stadsmijn-embed';
  box.appendChild(frame);
  script.parentNode.insertBefore(box, script.nextSibling);

  let heard = false;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'stadsmijn:hello') heard = true;
    if (message.type === 'stadsmijn:height' && !(fixed > 0)) {
      heard = true;
      const height = Number(message.height);
      if (Number.isFinite(height)) frame.style.height = Math.round(Math.min(Math.max(height, minimum), maximum)) + 'px';
    }
  });

  // A frame that never says hello was refused (this site is not on the campaign's list) or
  // could not load: say so in words, with a way to open Stadsmijn itself.
  setTimeout(() => {
    if (heard) return;
    const note = document.createElement('p');
    note.className = 'stadsmijn-embed-refused';
    note.textContent = lang === 'en'
      ? 'Stadsmijn cannot be shown on this page. '
      : 'Stadsmijn kan op deze pagina niet worden getoond. ';
    const link = document.createElement('a');
    link.href = origin + '/#' + routes[part] + '?' + query.toString();
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = lang === 'en' ? 'Open Stadsmijn' : 'Open Stadsmijn';
    note.appendChild(link);
    frame.hidden = true;
    box.appendChild(note);
  }, 12000);
})();
