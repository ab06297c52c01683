// Figures of the production topology (server/README.md, "Production"): nginx in front of two
// stadsmijn-server instances on one PostgreSQL, on loopback. Run through run.sh (next to this file),
// which sets up the topology's folder as tests/production/run.sh does; this file then sits in
// WORK/bundle/extra next to the wrk scripts of tools/bench/votes.
//   1. /healthz p50/p99 through nginx, alone and while 500 slow clients each send one header
//      byte every 2 s (fresh connection per probe, 25 probes a second).
//   2. the same 500 slow clients against one instance directly (no nginx), for contrast.
//   3. durable votes/s through nginx (wrk -t2 -c64, votes.lua) and /healthz through nginx, same run.
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, log, request, startInstance, startNginx, startPostgres, stopAll } from '../lib.mjs';

init(process.argv[2]);
const here = path.dirname(fileURLToPath(import.meta.url));
const SLOW_CLIENTS = 500;
const SLOW_SECONDS = Number(process.env.SLOW_SECONDS ?? 30);
const VOTE_SECONDS = Number(process.env.VOTE_SECONDS ?? 20);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// Probes GET /healthz on a fresh connection every 40 ms for `seconds`; a probe without an answer
// within 2 s counts as failed.
async function probeHealth(port, seconds) {
  const times = [];
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  const pending = [];
  while (Date.now() < end) {
    const started = process.hrtime.bigint();
    pending.push(request(port, 'GET', '/healthz', { timeout: 2000, from: '127.0.0.1' }).then(
      (res) => { if (res.status === 200) times.push(Number(process.hrtime.bigint() - started) / 1e6); else failed++; },
      () => failed++));
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  await Promise.all(pending);
  times.sort((a, b) => a - b);
  return { probes: times.length + failed, failed, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) };
}

// 500 connections that each send "GET /healthz HTTP/1.1\r\n..." one byte every 2 s, until stopped;
// a connection the server closes is opened again at once, so 500 are there all the time.
function slowClients(port) {
  const line = Buffer.from('GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Slow: ' + 'a'.repeat(200));
  const stats = { opened: 0, closedByServer: 0, answered: 0, closeSeconds: [] };
  const sockets = new Set();
  let stopping = false;
  const open = () => {
    const socket = net.connect({ host: '127.0.0.1', port });
    sockets.add(socket);
    const opened = Date.now();
    let sent = 0;
    let timer;
    socket.on('connect', () => {
      stats.opened++;
      const drip = () => {
        if (sent < line.length) socket.write(line.subarray(sent, ++sent));
        timer = setTimeout(drip, 2000);
      };
      timer = setTimeout(drip, Math.random() * 2000);
    });
    socket.on('data', () => { stats.answered++; });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      sockets.delete(socket);
      if (stopping) return;
      stats.closedByServer++;
      stats.closeSeconds.push((Date.now() - opened) / 1000);
      open();
    });
  };
  for (let i = 0; i < SLOW_CLIENTS; i++) open();
  return { stats, stop: () => { stopping = true; for (const s of sockets) s.destroy(); } };
}

async function underSlowClients(port, label) {
  const slow = slowClients(port);
  await new Promise((resolve) => setTimeout(resolve, 1000));  // let them connect
  const health = await probeHealth(port, SLOW_SECONDS);
  slow.stop();
  const closes = slow.stats.closeSeconds.sort((a, b) => a - b);
  log(`${label}: /healthz under ${SLOW_CLIENTS} slow clients for ${SLOW_SECONDS} s: probes=${health.probes} ` +
    `failed=${health.failed} p50_ms=${health.p50?.toFixed(2)} p99_ms=${health.p99?.toFixed(2)} max_ms=${health.max?.toFixed(2)}; ` +
    `slow connections opened=${slow.stats.opened} closed_by_server=${slow.stats.closedByServer}` +
    (closes.length ? ` (each after ${closes[0].toFixed(1)}-${closes.at(-1).toFixed(1)} s, then reopened)` : '') + ` answered=${slow.stats.answered}`);
}

function wrk(args) {
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { cwd: here, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk ${args.join(' ')}: ${stderr || error.message}`));
      resolve((stdout.match(/^RESULT .*$/m) ?? [stdout])[0]);
    });
  });
}

try {
  const pg = await startPostgres();
  const a = await startInstance('instance-a', pg.connection);
  const b = await startInstance('instance-b', pg.connection);
  // One address (wrk's) sends everything here, so the per-address limits are lifted; the
  // timeouts and buffers are production's.
  const nginx = await startNginx([a, b], ['--api-rate', '100000r/s', '--api-burst', '100000', '--write-rate', '100000r/s',
    '--write-burst', '100000', '--connections-per-address', '10000']);
  log(`machine: ${(await import('node:os')).cpus().length} cores; nginx 2 workers, instances --threads 64`);
  const alone = await probeHealth(nginx.port, 10);
  log(`nginx: /healthz alone for 10 s: probes=${alone.probes} failed=${alone.failed} p50_ms=${alone.p50.toFixed(2)} p99_ms=${alone.p99.toFixed(2)} max_ms=${alone.max.toFixed(2)}`);
  await underSlowClients(nginx.port, 'nginx');
  await wrk(['-t2', '-c64', '-d2s', '-s', 'votes.lua', `http://127.0.0.1:${nginx.port}`]);  // warm-up
  log(`nginx votes   ${await wrk(['-t2', '-c64', `-d${VOTE_SECONDS}s`, '--latency', '-s', 'votes.lua', `http://127.0.0.1:${nginx.port}`])}`);
  log(`nginx healthz ${await wrk(['-t2', '-c64', '-d10s', '--latency', '-s', 'healthz.lua', `http://127.0.0.1:${nginx.port}/healthz`])}`);
  log(`direct votes  ${await wrk(['-t2', '-c64', `-d${VOTE_SECONDS}s`, '--latency', '-s', 'votes.lua', `http://127.0.0.1:${a.port}`])}`);
  await underSlowClients(b.port, 'instance B directly, no nginx');
  await stopAll();
  process.exit(0);
} catch (error) {
  console.error(`bench: ${error.stack}`);
  await stopAll();
  process.exit(1);
}
