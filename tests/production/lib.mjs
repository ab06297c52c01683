// The production topology of deploy/ on loopback, as run.sh prepared it (WORK/bundle): a
// throwaway PostgreSQL, stadsmijn-server instances, nginx with deploy/nginx/render.sh's HTTP
// variant; and an HTTP client that connects from a chosen loopback address. Used by topology.mjs
// (the test) and tools/bench/production/bench.mjs (the figures).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

let work;
let bundle;
export let web;
const children = [];
export const CLIENT = '127.0.0.2';
export function init(folder) {
  work = folder;
  bundle = path.join(work, 'bundle');
  web = path.join(bundle, 'web');
  fs.appendFileSync(path.join(work, 'pids'), `${process.pid}\n`);
  return { work, bundle, web, children };
}

export function log(text) { console.log(`production_topology: ${text}`); }
export class Skip extends Error {}
export function check(condition, message) { if (!condition) throw new Error(message); }

// --- processes ---------------------------------------------------------------------------------
export function start(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  fs.appendFileSync(path.join(work, 'pids'), `${child.pid}\n`);
  const out = fs.createWriteStream(path.join(work, `${name}.log`));
  child.name = name;
  child.text = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => { child.text = (child.text + chunk).slice(-65536); });
    stream.pipe(out);
  }
  // 'close': the process is gone and everything it wrote has been read.
  child.exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  children.push(child);
  return child;
}
export function output(name) {
  return children.find((child) => child.name === name)?.text ?? '';
}
export async function stopAll() {
  for (const child of children.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await child.exited;
      clearTimeout(timer);
    }
  }
}

// Waits for a line on stdout (the server prints its port), or fails when the process exits first.
export function waitForLine(child, pattern, seconds) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${child.name}: no "${pattern}" within ${seconds} s:\n${seen}`)), seconds * 1000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(pattern);
      if (match) { clearTimeout(timer); resolve(match); }
    });
    child.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited (${code ?? signal}) before it was ready:\n${output(child.name)}`));
    });
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

// --- HTTP --------------------------------------------------------------------------------------
export function request(port, method, urlPath, { headers = {}, body, from = CLIENT, agent = false, timeout = 10000 } = {}) {
  // Like a browser's fetch: a body of known size goes with its Content-Length (Node would send it
  // chunked, which the app server refuses), unless the caller asks for chunked on purpose.
  const names = Object.keys(headers).map((h) => h.toLowerCase());
  if (body !== undefined && !names.includes('content-length') && !names.includes('transfer-encoding'))
    headers = { ...headers, 'Content-Length': Buffer.byteLength(body) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, localAddress: from, agent, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath}: no answer within ${timeout} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
export function decoded(res) {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body);
  if (encoding === 'gzip') return zlib.gunzipSync(res.body);
  return res.body;
}
export const json = (res) => JSON.parse(decoded(res).toString('utf8'));
export function headerCount(res, name) {
  let count = 0;
  for (let i = 0; i < res.raw.length; i += 2) if (res.raw[i].toLowerCase() === name) count++;
  return count;
}
export async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    try { last = await probe(); if (last === true) return; } catch (error) { last = error.message; }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not within ${seconds} s (last: ${last})`);
}
export const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy',
  'cross-origin-opener-policy', 'permissions-policy'];

// --- the topology --------------------------------------------------------------------------------
export async function startPostgres() {
  const state = path.join(work, 'pg');
  execFileSync(path.join(bundle, 'start-postgres.sh'), ['start', state], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (fs.existsSync(path.join(state, 'connection.skip')))
    throw new Skip(`PostgreSQL: ${fs.readFileSync(path.join(state, 'connection.skip'), 'utf8').trim()}`);
  return {
    connection: fs.readFileSync(path.join(state, 'connection'), 'utf8').trim(),
    bindir: fs.readFileSync(path.join(state, 'bindir'), 'utf8').trim(),
  };
}

// Behind nginx every request arrives over nginx's few keep-alive connections, so the server's
// per-connection limit is off (nginx limits per client address). --trusted-proxy (when this server
// has it) lets the app's own per-address admission limits read X-Real-IP from nginx.
let trustedProxy = true;
export const serverTrustsProxy = () => trustedProxy;
export async function startInstance(name, database) {
  for (;;) {
    const args = ['--web', web, '--host', '127.0.0.1', '--port', '0', '--db', database, '--content',
      path.join(bundle, 'content'), '--threads', '64', '--requests-per-second', '0'];
    if (trustedProxy) args.push('--trusted-proxy', '127.0.0.1');
    const child = start(name, path.join(bundle, 'stadsmijn-server'), args, { cwd: bundle });
    try {
      const match = await waitForLine(child, /running at http:\/\/127\.0\.0\.1:(\d+)\//, 30);
      return { child, port: Number(match[1]) };
    } catch (error) {
      if (trustedProxy && child.exitCode === 2 && /usage:/.test(child.text)) {
        log('this stadsmijn-server has no --trusted-proxy: its own per-address limits see nginx, not the client');
        trustedProxy = false;
        continue;
      }
      throw error;
    }
  }
}

// renderOptions: more render.sh options (the benchmarks raise the per-address limits).
export async function startNginx(upstreams, renderOptions = []) {
  const prefix = path.join(work, 'nginx');
  const logs = path.join(prefix, 'logs');
  fs.mkdirSync(path.join(prefix, 'temp'), { recursive: true });
  fs.mkdirSync(logs, { recursive: true });
  const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  check(fs.existsSync(brotli), `no ${brotli}: install libnginx-mod-http-brotli-static (tools/setup/install-deps.sh)`);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const site = execFileSync(path.join(bundle, 'deploy/nginx/render.sh'), ['--http', `127.0.0.1:${port}`,
      '--web-root', web, '--log-dir', logs, ...upstreams.flatMap((u) => ['--upstream', `127.0.0.1:${u.port}`]), ...renderOptions]);
    fs.writeFileSync(path.join(prefix, 'stadsmijn.conf'), site);
    // What Debian's /etc/nginx/nginx.conf gives in production, with every path in this folder.
    const temp = path.join(prefix, 'temp');
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), `load_module ${brotli};
daemon off;
worker_processes 2;
pid ${prefix}/nginx.pid;
error_log ${logs}/error.log crit;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
  client_body_temp_path ${temp}/body; proxy_temp_path ${temp}/proxy; fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi; scgi_temp_path ${temp}/scgi;
  access_log off;
  include ${prefix}/stadsmijn.conf;
}
`);
    const child = start(`nginx-${attempt}`, 'nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(logs, 'startup.log')]);
    const said = () => child.text + ['startup.log', 'error.log']
      .map((f) => { try { return fs.readFileSync(path.join(logs, f), 'utf8'); } catch { return ''; } }).join('');
    const ready = until('nginx answering /healthz', 15, async () => {
      if (child.exitCode !== null) return `exited: ${said()}`;
      return (await request(port, 'GET', '/healthz', { timeout: 1000 })).status === 200 || 'not 200';
    });
    try {
      await ready;
      return { child, port };
    } catch (error) {
      // Another program took the port between our probe and nginx's bind: once more.
      if (attempt < 3 && /Address already in use/.test(said())) continue;
      throw error;
    }
  }
}

