// Stadsmijn's service worker: the app works on a reload without network, and a repeat visit
// downloads nothing but a check of this file (the server sends it with Cache-Control: no-cache).
//
// - Precaches the app shell and the content by their content-hashed names (PRECACHE, written by
//   tools/build/package_web.py); a new build is a new list, so a new worker and a new cache.
// - Serves those cache-first. Other content-hashed files (a language's texts, fetched when
//   chosen) are kept once fetched: their bytes never change under a name.
// - Never touches /api/ (votes, results, events must be fresh or fail visibly) or other origins.
// - A new version installs in the background and takes over; the page shows a quiet notice and
//   the next visit runs it (web/app.js).
'use strict';
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = 'stadsmijn-' + VERSION;
const SHELL = new URL('./', self.registration.scope).href;
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    // The shell revalidated, so it is this deployment's; the hashed files may come from the HTTP
    // cache (the page has just loaded them: no second download on a first visit).
    .then((cache) => cache.addAll([new Request(SHELL, { cache: 'no-cache' }), ...PRECACHE]))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('stadsmijn-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') {
    // Only the plain app: a campaign's embed (?embed=) gets its own Content-Security-Policy from
    // the server, so it always goes there.
    if ((url.pathname !== '/' && url.pathname !== '/index.html') || url.search) return;
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(SHELL))
      .then((hit) => hit || fetch(request)));
    return;
  }
  const name = url.pathname.slice(1);
  if (!HASHED.test(name)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit ||
    fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    }))));
});
