// Starts the Stadsmijn WebAssembly app and connects it to the page.
//
// - Loads the wasm with a progress bar (the build writes its size into data-wasm-size, since
//   Content-Length is the compressed size) and says clearly when loading fails.
// - Passes the URL fragment, the colour scheme and the browser's languages to main().
// - Tells the app when the URL changes (back button, typed links) or the colour scheme does.
// - Exposes window.stadsmijn, a small API for tests and embedding pages:
//     stadsmijn.ready, .firstFrameMs, .frames(), .route(), .language(), .paused(), .semantics(),
//     .fontPixelRatio(), .lastError(), .errors
'use strict';
(function () {
  const script = document.currentScript;
  // Framed by a site without a campaign: web/embed-frame.js has said why; the app stays off.
  if (window.stadsmijnEmbedFrame && window.stadsmijnEmbedFrame.refused) return;
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const progress = document.getElementById('loading-progress');
  const errorText = document.getElementById('loading-error');
  const retry = document.getElementById('loading-retry');
  const english = /[?&]lang=en\b/.test(location.hash) ||
    (!/[?&]lang=/.test(location.hash) && !/^nl\b/.test(navigator.language || 'nl') && /^en\b/.test(navigator.language || ''));
  const words = english
    ? { loading: 'Loading Stadsmijn…', failed: 'Stadsmijn could not be loaded. Check your connection and try again.',
        webgl: 'This browser cannot show Stadsmijn: it needs WebGL 2.', retry: 'Try again',
        update: 'A new version of Stadsmijn is ready.', useUpdate: 'Use it now' }
    : { loading: 'Stadsmijn wordt geladen…', failed: 'Stadsmijn kon niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
        webgl: 'Deze browser kan Stadsmijn niet tonen: WebGL 2 is nodig.', retry: 'Opnieuw proberen',
        update: 'Er is een nieuwe versie van Stadsmijn klaar.', useUpdate: 'Nu gebruiken' };
  document.getElementById('loading-text').textContent = words.loading;
  retry.textContent = words.retry;
  retry.addEventListener('click', () => location.reload());

  const errors = [];
  let lastError = '';
  function recordError(message) {
    lastError = String(message);
    errors.push(lastError);
  }
  function showFailure(message, detail) {
    recordError(detail || message);
    loading.classList.remove('done');
    errorText.textContent = message;
    errorText.hidden = false;
    retry.hidden = false;
    progress.hidden = true;
  }
  window.addEventListener('error', (event) => recordError(event.message));
  window.addEventListener('unhandledrejection', (event) => recordError(event.reason));

  if (!document.createElement('canvas').getContext('webgl2')) {
    showFailure(words.webgl);
    return;
  }

  const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  const wasmUrl = script.dataset.wasm;
  const wasmSize = Number(script.dataset.wasmSize) || 0;
  const contentName = script.dataset.content || '';
  let ready = false;
  let firstFrameAt = 0;
  let contentMs = 0;

  // The wasm and the content pack are asked for at once, before the engine's script has even
  // arrived: on a slow network each round trip saved is 150 ms or more.
  const wasmResponse = fetch(wasmUrl, { credentials: 'same-origin' });
  wasmResponse.catch(() => {});  // reported in instantiateWasm
  let contentPack = '';
  const contentText = contentName
    ? fetch(contentName, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(contentName + ': HTTP ' + response.status);
      return response.text();
    })
    : Promise.resolve('');

  // Streams the wasm through a counter so the bar moves, and keeps streaming compilation.
  // main() starts only once the content is here too.
  function instantiateWasm(imports, receiveInstance) {
    const content = contentText.then((text) => { contentPack = text; });
    content.catch(() => {});  // reported below, once
    wasmResponse
      .then((response) => {
        if (!response.ok) throw new Error(wasmUrl + ': HTTP ' + response.status);
        let loaded = 0;
        const reader = response.body.getReader();
        const counted = new ReadableStream({
          async pull(controller) {
            const { done, value } = await reader.read();
            if (done) { controller.close(); return; }
            loaded += value.byteLength;
            if (wasmSize) progress.value = Math.min(100, (100 * loaded) / wasmSize);
            controller.enqueue(value);
          },
        });
        const body = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
        return WebAssembly.instantiateStreaming(body, imports);
      })
      .then((result) => content.then(() => receiveInstance(result.instance, result.module),
        (error) => showFailure(words.failed, 'content: ' + error)))
      .catch((error) => showFailure(words.failed, 'wasm: ' + error));
    return {};
  }

  const announcer = document.getElementById('announcer');
  const mirror = new window.StadsmijnMirror(document.getElementById('mirror'), {
    activate: (id) => Module._stadsmijn_activate(id),
    setText: (id, value) => passString((pointer) => Module._stadsmijn_set_text(id, pointer), value),
    setNumber: (id, value) => Module._stadsmijn_set_number(id, value),
    focus: (id) => Module._stadsmijn_focus(id),
  });

  // Services the app asks for (app/platform/web/main_web.cpp). Storage keys carry a prefix so
  // that an embedding page's own keys are never touched.
  // Keys starting with 'session.' (an editor's token) live in sessionStorage: gone with the tab.
  const storagePrefix = 'stadsmijn.';
  const storageFor = (key) => (key.startsWith('session.') ? sessionStorage : localStorage);
  const maxImportBytes = 2 * 1024 * 1024;
  const platform = {
    newString(value) {
      const size = Module.lengthBytesUTF8(value) + 1;
      const pointer = Module._malloc(size);
      Module.stringToUTF8(value, pointer, size);
      return pointer;
    },
    loadStorage() {
      const stored = {};
      try {
        for (const area of [localStorage, sessionStorage]) {
          for (let i = 0; i < area.length; i++) {
            const key = area.key(i);
            if (key && key.startsWith(storagePrefix)) stored[key.slice(storagePrefix.length)] = area.getItem(key);
          }
        }
      } catch (error) {
        // Storage refused (an embed with third-party storage blocked): the app runs without it,
        // and each screen that would save says so when it tries.
        console.info('stadsmijn: browser storage not available here: ' + error);
      }
      return JSON.stringify(stored);
    },
    // Returns '' once the value is written, else why not; the app shows "saved" only on ''.
    store(key, value) {
      try {
        const area = storageFor(key);
        area.setItem(storagePrefix + key, value);
        return area.getItem(storagePrefix + key) === value ? '' : 'the browser did not keep the data';
      } catch (error) {
        if (error && error.name === 'QuotaExceededError') return 'the browser storage is full';
        if (error && error.name === 'SecurityError') return 'this browser does not allow saving here';
        return String(error);
      }
    },
    fetch(tag, method, url, body, headers) {
      const init = { method: method, credentials: 'omit', headers: headers ? JSON.parse(headers) : {} };
      if (body) { init.body = body; init.headers['Content-Type'] = 'application/json'; }
      const answer = (status, text) => passStrings([tag, text], (t, b) => Module._stadsmijn_http_response(t, status, b));
      window.fetch(url, init)
        .then((response) => response.text().then((text) => answer(response.status, text)))
        .catch(() => answer(0, ''));
    },
    download(name, mime, text) {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: mime }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    },
    pickFile(tag) {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.style.display = 'none';
      const answer = (name, text, error) =>
        passStrings([tag, name, text, error], (t, n, x, e) => Module._stadsmijn_file_picked(t, n, x, e));
      input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        if (file.size > maxImportBytes) { answer(file.name, '', 'too-large'); return; }
        file.text().then((text) => answer(file.name, text, ''), () => answer(file.name, '', 'unreadable'));
      });
      document.body.appendChild(input);
      input.click();
    },
    requestLocation() {
      if (!navigator.geolocation) { Module._stadsmijn_location(2, 0, 0); return; }
      navigator.geolocation.getCurrentPosition(
        (position) => Module._stadsmijn_location(0, position.coords.latitude, position.coords.longitude),
        (error) => Module._stadsmijn_location(error.code === 1 ? 1 : 2, 0, 0),
        { maximumAge: 600000, timeout: 15000 });
    },
    contentName: () => contentName,
    takeContentPack() {
      const text = contentPack;
      contentPack = '';
      return text;
    },
    copyText(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch((error) => recordError('clipboard: ' + error));
    },
  };

  const Module = {
    platform: platform,
    canvas: canvas,
    arguments: [location.hash, darkScheme.matches ? '1' : '0'].concat(Array.from(navigator.languages || [])),
    instantiateWasm: instantiateWasm,
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => showFailure(words.failed, 'aborted: ' + what),
    onAppError: (message) => showFailure(message.startsWith('WebGL') ? words.webgl : words.failed, message),
    onMirror: (json) => {
      mirror.update(json);
      const embed = window.stadsmijnEmbedFrame;
      if (embed && embed.onMirror) embed.onMirror(json);
    },
    onAnnounce: (message) => {
      // Cleared first, so the same words said twice are still announced.
      announcer.textContent = '';
      setTimeout(() => { announcer.textContent = message; }, 50);
    },
    onFirstFrame: () => {
      firstFrameAt = performance.now();
      registerWorker();
    },
    onAppReady: (loadMs) => {
      contentMs = loadMs;
      ready = true;
      loading.classList.add('done');
    },
  };
  window.Module = Module;

  // The service worker (web/sw.js) keeps the app for a reload without network. Registered after
  // the first frame, so its downloads never compete with the first visit's. Not inside a campaign's
  // frame: there the app is the campaign site's guest. A new version takes over in the background;
  // the citizen gets a quiet notice, and the next visit runs it.
  let updateReady = false;
  function registerWorker() {
    if (!('serviceWorker' in navigator) || window.top !== window) return;
    const hadController = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!hadController || updateReady) return;
      updateReady = true;
      const notice = document.getElementById('update');
      document.getElementById('update-text').textContent = words.update;
      const use = document.getElementById('update-reload');
      use.textContent = words.useUpdate;
      use.addEventListener('click', () => location.reload());
      notice.hidden = false;
    });
    navigator.serviceWorker.register('sw.js').catch((error) => recordError('service worker: ' + error));
  }

  function text(pointer) { return pointer ? Module.UTF8ToString(pointer) : ''; }
  window.stadsmijn = {
    get ready() { return ready; },
    get errors() { return errors.slice(); },
    frames: () => (ready ? Module._stadsmijn_frames() : 0),
    get firstFrameMs() { return firstFrameAt; },
    // Start-up (make bench-web): unpacking, parsing and checking the content, in ms.
    get timings() { return { contentMs: contentMs }; },
    get updateReady() { return updateReady; },
    fontPixelRatio: () => (ready ? Module._stadsmijn_font_pixel_ratio() : 0),
    paused: () => (ready ? Module._stadsmijn_paused() === 1 : false),
    route: () => (ready ? text(Module._stadsmijn_route()) : ''),
    language: () => (ready ? text(Module._stadsmijn_language()) : ''),
    missingTexts: () => (ready ? JSON.parse(text(Module._stadsmijn_missing_texts())) : { count: 0, keys: [] }),
    semantics: () => (ready ? JSON.parse(text(Module._stadsmijn_semantics())).nodes || [] : []),
    // The colours drawn with ({text, background, accent, link, focus}), the page's content height and campaign.
    page: () => {
      if (!ready) return {};
      const page = JSON.parse(text(Module._stadsmijn_semantics()));
      delete page.nodes;
      return page;
    },
    lastError: () => lastError || (ready ? text(Module._stadsmijn_last_error()) : ''),
  };

  function passStrings(values, call) {
    const pointers = values.map((value) => platform.newString(String(value)));
    try { call(...pointers); } finally { pointers.forEach((pointer) => Module._free(pointer)); }
  }
  function passString(call, value) {
    const size = Module.lengthBytesUTF8(value) + 1;
    const pointer = Module._malloc(size);
    Module.stringToUTF8(value, pointer, size);
    call(pointer);
    Module._free(pointer);
  }
  window.addEventListener('hashchange', () => {
    if (ready) passString(Module._stadsmijn_url_changed, location.hash);
  });
  window.addEventListener('popstate', () => {
    if (ready) passString(Module._stadsmijn_url_changed, location.hash);
  });
  // The canvas never keeps Tab: SDL would swallow it (a keyboard trap); the browser moves on to the mirror.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && event.target === canvas) event.stopPropagation();
  }, true);
  // Keys that scroll a web page scroll the app's page too, when no control takes them: a text
  // field keeps its keys, a radio group its arrows, a button or checkbox its Space.
  const scrollKeys = {
    PageDown: [2, 1], PageUp: [2, -1], ' ': [2, 1], ArrowDown: [1, 1], ArrowUp: [1, -1], Home: [3, 0], End: [4, 0],
  };
  function takesKey(target, key) {
    if (!target || target === document.body || target === canvas) return false;
    const tag = target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
    const role = target.getAttribute('role');
    if (role === 'radio' || role === 'slider') return true;
    if (key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY')) return true;
    return !document.getElementById('mirror').contains(target) && tag !== 'HTML';
  }
  window.addEventListener('keydown', (event) => {
    const spec = scrollKeys[event.key];
    if (!ready || !spec || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (takesKey(event.target, event.key)) return;
    event.preventDefault();
    event.stopPropagation(); // not to SDL: ImGui's own keyboard navigation would move instead
    const up = event.key === ' ' && event.shiftKey ? -1 : 1;
    Module._stadsmijn_scroll(spec[0], spec[1] * up);
  }, true);
  darkScheme.addEventListener('change', (event) => { if (ready) Module._stadsmijn_set_dark(event.matches ? 1 : 0); });
  document.addEventListener('visibilitychange', () => { if (ready && !document.hidden) Module._stadsmijn_wake(); });
  window.addEventListener('online', () => { if (ready) Module._stadsmijn_network_online(); });

  const engine = document.createElement('script');
  engine.src = script.dataset.engine;
  engine.onerror = () => showFailure(words.failed, 'could not load ' + engine.src);
  document.body.appendChild(engine);
})();
