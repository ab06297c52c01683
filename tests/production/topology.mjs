// The production topology of deploy/ on loopback, checked from outside as a browser would see it:
// PostgreSQL, two stadsmijn-server instances, nginx with deploy/nginx/render.sh's HTTP variant.
//   node topology.mjs WORK      (WORK/bundle holds the copies run.sh made; see run.sh)
// Clients connect from their own loopback addresses (127.0.0.2, 127.0.1.x), so the privacy check
// at the end can look for them in every log. Exit 0 passed, 1 failed, 77 skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { CLIENT, Skip, SECURITY_HEADERS, check, decoded, headerCount, init, json, log, output, request,
  serverTrustsProxy, startInstance, startNginx, startPostgres, stopAll, until } from './lib.mjs';

const { work, bundle, web, children } = init(process.argv[2]);

// --- checks --------------------------------------------------------------------------------------
async function checkStaticFiles(nginx, app) {
  const files = fs.readdirSync(web).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'));
  const wasm = files.find((f) => /^stadsmijn\.[0-9a-f]{8,}\.wasm$/.test(f));
  check(wasm, `no hashed stadsmijn.*.wasm in the web build: ${files.join(' ')}`);
  for (const file of files) {
    const identity = fs.readFileSync(path.join(web, file));
    const urlPath = file === 'index.html' ? '/' : `/${file}`;
    const direct = await request(app.port, 'GET', urlPath, { headers: { 'accept-encoding': 'br' } });
    for (const [accept, twin] of [['br, gzip', 'br'], ['gzip', 'gz'], [undefined, null]]) {
      const res = await request(nginx.port, 'GET', urlPath, { headers: accept ? { 'accept-encoding': accept } : {} });
      const what = `nginx GET ${urlPath} (Accept-Encoding: ${accept ?? 'none'})`;
      check(res.status === 200, `${what}: status ${res.status}`);
      check(res.headers.server === 'nginx', `${what}: not served by nginx itself (Server: ${res.headers.server})`);
      const expected = twin && fs.existsSync(path.join(web, `${file}.${twin}`)) ? (twin === 'br' ? 'br' : 'gzip') : undefined;
      check(res.headers['content-encoding'] === expected,
        `${what}: Content-Encoding ${res.headers['content-encoding']}, expected ${expected ?? 'none'} (precompressed twin)`);
      check(decoded(res).equals(identity), `${what}: the bytes differ from ${file}`);
      if (expected) check(/accept-encoding/i.test(res.headers.vary ?? ''), `${what}: no Vary: Accept-Encoding`);
      for (const name of [...SECURITY_HEADERS, 'content-type', 'cache-control']) {
        check(res.headers[name] === direct.headers[name],
          `${what}: ${name} is "${res.headers[name]}", the app server sends "${direct.headers[name]}"`);
        check(headerCount(res, name) === 1, `${what}: ${headerCount(res, name)} ${name} headers`);
      }
    }
  }
  const wasmRes = await request(nginx.port, 'GET', `/${wasm}`, { headers: { 'accept-encoding': 'br' } });
  check(wasmRes.headers['content-type'] === 'application/wasm' && /immutable/.test(wasmRes.headers['cache-control']),
    `hashed wasm: ${wasmRes.headers['content-type']}, ${wasmRes.headers['cache-control']}`);
  const twin = await request(nginx.port, 'GET', `/${wasm}.br`);
  check(twin.status === 404, `GET /${wasm}.br: ${twin.status}, expected 404 (twins only stand in for their file)`);
  const missing = await request(nginx.port, 'GET', '/no-such-file.js');
  check(missing.status === 404 && /Niet gevonden/.test(decoded(missing)), `unknown file: ${missing.status}, not the app's 404 page`);
  log(`ok static files: ${files.length} files x 3 encodings from nginx, same headers as the app server; ${wasm} as brotli`);
}

async function checkEmbeds(nginx, app) {
  const dir = path.join(bundle, 'content/campaigns');
  const campaigns = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  check(campaigns.length > 0, 'no campaigns in content/campaigns');
  for (const campaign of campaigns) {
    for (const urlPath of [`/?embed=${campaign.id}`, `/index.html?embed=${campaign.id}`]) {
      const res = await request(nginx.port, 'GET', urlPath, { headers: { 'accept-encoding': 'br' } });
      const direct = await request(app.port, 'GET', urlPath, { headers: { 'accept-encoding': 'br' } });
      const csp = res.headers['content-security-policy'] ?? '';
      check(res.status === 200, `nginx GET ${urlPath}: ${res.status}`);
      check(headerCount(res, 'content-security-policy') === 1, `nginx GET ${urlPath}: ${headerCount(res, 'content-security-policy')} CSP headers`);
      check(csp.endsWith(`frame-ancestors ${campaign.allowed_origins.join(' ')}`),
        `nginx GET ${urlPath}: CSP "${csp}" does not end with the campaign's frame-ancestors`);
      check(csp === direct.headers['content-security-policy'], `nginx GET ${urlPath}: CSP differs from the app server's`);
      check(decoded(res).equals(decoded(direct)), `nginx GET ${urlPath}: the page differs from the app server's`);
    }
  }
  const unknown = await request(nginx.port, 'GET', '/?embed=no-such-campaign');
  check(unknown.status === 404, `nginx GET /?embed=no-such-campaign: ${unknown.status}, expected the app's 404`);
  const plain = await request(nginx.port, 'GET', '/');
  check(/frame-ancestors 'self'$/.test(plain.headers['content-security-policy']), 'GET / is not framed by the app only');
  log(`ok embeds: ${campaigns.length} campaigns get their own frame-ancestors through nginx (from the app server)`);
}

function vote(participant, statement, key, choice = 'agree') {
  return JSON.stringify({ participant, statement, vote: choice, key, municipality: 'haarlem' });
}
const postJson = { 'content-type': 'application/json' };
const random = () => Math.random().toString(36).slice(2, 12);

async function pollAndStatement(nginx) {
  const polls = json(await request(nginx.port, 'GET', '/api/polls'));
  const poll = polls.polls.find((p) => p.open);
  check(poll, 'no open poll in content/polls');
  const detail = json(await request(nginx.port, 'GET', `/api/polls/${poll.id}`));
  return { poll: poll.id, statements: detail.statements.map((s) => s.id) };
}

async function checkRoundTrip(nginx, a, b, target) {
  const votesOf = async (port) => {
    const res = await request(port, 'GET', `/api/polls/${target.poll}/results`);
    check(res.status === 200, `results: ${res.status} ${decoded(res)}`);
    const body = json(res);
    check(body.counts && typeof body.counts.votes === 'number', `results without counts.votes: ${decoded(res).slice(0, 200)}`);
    return body.counts.votes;
  };
  const before = await votesOf(b.port);
  const participant = `topology-${random()}-round`;
  const key = `round-trip-${random()}-key`;
  const body = vote(participant, target.statements[0], key);
  const first = await request(a.port, 'POST', `/api/polls/${target.poll}/votes`, { headers: postJson, body });
  check(first.status === 200 && json(first).status === 'stored', `vote on instance A: ${first.status} ${decoded(first)}`);
  const again = await request(b.port, 'POST', `/api/polls/${target.poll}/votes`, { headers: postJson, body });
  check(again.status === 200 && json(again).status === 'duplicate', `the same vote on instance B: ${again.status} ${decoded(again)}`);
  await until('the vote cast on A in the results of B', 10, async () => (await votesOf(b.port)) === before + 1 || `B counts ${await votesOf(b.port)}`);
  await until('the vote in the results through nginx', 10, async () => (await votesOf(nginx.port)) === before + 1 || 'not yet');
  log('ok poll round trip: a vote stored on A is a duplicate on B and counted in the results of B and of nginx');
}

async function checkHealth(nginx) {
  const res = await request(nginx.port, 'GET', '/healthz');
  check(res.status === 200 && json(res).status === 'ok', `nginx /healthz: ${res.status} ${decoded(res)}`);
}

async function checkLimits(nginx, target, instances) {
  const votes = `/api/polls/${target.poll}/votes`;
  const big = await request(nginx.port, 'POST', votes, { headers: postJson, body: 'x'.repeat(64 * 1024) });
  check(big.status === 413 && big.headers.server === 'nginx', `64 KiB body: ${big.status} (${big.headers.server}), expected 413 from nginx`);
  check(/too large/.test(json(big).error), `64 KiB body: not the API's JSON error: ${decoded(big)}`);
  const header = await request(nginx.port, 'GET', '/healthz', { headers: { 'x-filler': 'y'.repeat(16 * 1024) } });
  check([400, 494].includes(header.status) && header.headers.server === 'nginx', `16 KiB header: ${header.status}, expected 400 from nginx`);
  const many = {};
  for (let i = 0; i < 40; i++) many[`x-filler-${i}`] = 'z'.repeat(1000);
  const flood = await request(nginx.port, 'GET', '/healthz', { headers: many });
  check([400, 494].includes(flood.status), `40 KB of headers: ${flood.status}, expected 400 from nginx`);
  const line = await request(nginx.port, 'GET', `/api/polls?${'q'.repeat(16 * 1024)}`);
  check(line.status === 414, `16 KiB request line: ${line.status}, expected 414`);
  // One address asking faster than its burst: refused by nginx with 429; another address is not.
  let refused;
  for (let round = 0; round < 20 && !refused; round++) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => request(nginx.port, 'GET', '/api/polls', { from: '127.0.0.3' })));
    refused = answers.find((r) => r.status === 429);
  }
  check(refused, 'one address sent 400 API requests at once and nginx refused none');
  check(refused.headers['retry-after'] && json(refused).error, `nginx's 429 without Retry-After or a JSON error: ${decoded(refused)}`);
  const other = await request(nginx.port, 'GET', '/api/polls', { from: '127.0.0.4' });
  check(other.status === 200, `another address after the flood: ${other.status}`);
  const bombs = await checkFloodsStayAtNginx(nginx, target, instances);
  log(`ok limits: ${bombs}; 413 for a 64 KiB body, ${header.status} for a 16 KiB header, ${flood.status} for 40 headers of 1 KB, 414 for a 16 KiB request line, 429 for one address's flood`);
}

// Writes `head`, then calls next() for more bytes until the server answers or closes; resolves
// with the status of the answer (0 when it closed without one) and the bytes written.
function rawExchange(port, head, next, seconds = 20) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: CLIENT });
    let answer = '';
    let written = 0;
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no answer within ${seconds} s`)); }, seconds * 1000);
    const finish = () => { clearTimeout(timer); socket.destroy(); resolve({ status: Number(answer.match(/^HTTP\/1\.1 (\d+)/)?.[1] ?? 0), written }); };
    const pump = () => {
      while (!answer) {
        const chunk = next();
        if (!chunk) return;
        written += chunk.length;
        if (!socket.write(chunk)) return socket.once('drain', pump);
      }
    };
    socket.on('connect', () => { socket.write(head); pump(); });
    socket.on('data', (data) => { answer += data; if (/\r\n\r\n/.test(answer)) finish(); });
    socket.on('error', () => {});
    socket.on('close', finish);
  });
}
const rssMiB = (child) => Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;

// The floods of the review, sent through nginx: a compressed body (any Content-Encoding), a 150 MiB
// chunked body and 500,000 headers. nginx refuses each, and no instance grows by 64 MB.
async function checkFloodsStayAtNginx(nginx, target, instances) {
  const before = instances.map((i) => rssMiB(i.child));
  const votesPath = `/api/polls/${target.poll}/votes`;
  const bomb = zlib.brotliCompressSync(Buffer.alloc(4 << 20));
  const compressed = await request(nginx.port, 'POST', votesPath,
    { headers: { ...postJson, 'content-encoding': 'br' }, body: bomb });
  check(compressed.status === 415, `a brotli-compressed body: ${compressed.status}, expected 415 from nginx`);
  const mib = Buffer.alloc(1 << 20, 'a');
  let chunks = 0;
  const chunked = await rawExchange(nginx.port,
    `POST ${votesPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    () => (chunks++ < 150 ? Buffer.concat([Buffer.from('100000\r\n'), mib, Buffer.from('\r\n')]) : null));
  check(chunked.status === 413, `a 150 MiB chunked body: ${chunked.status}, expected 413`);
  let headers = 0;
  const line = Buffer.from('X-Flood: 1\r\n'.repeat(1000));
  const flood = await rawExchange(nginx.port, 'GET /api/polls HTTP/1.1\r\nHost: x\r\n',
    () => (headers++ < 500 ? line : null));
  check([400, 494].includes(flood.status), `500,000 headers: ${flood.status}, expected 400`);
  const growth = instances.map((instance, n) => rssMiB(instance.child) - before[n]);
  check(growth.every((g) => g < 64), `an instance grew by ${Math.max(...growth).toFixed(1)} MiB (aim: under 64 MB)`);
  return `415 for a brotli body, 413 for a 150 MiB chunked body (after ${(chunked.written / 1048576).toFixed(1)} MiB sent), ` +
    `${flood.status} for 500,000 headers (after ${(flood.written / 1048576).toFixed(1)} MiB); instances grew by ` +
    growth.map((g) => `${g.toFixed(1)} MiB`).join(' and ');
}

// Campaign events from 60 citizens (each on their own address, one event each) through nginx.
// The app limits events per client; behind nginx it can tell clients apart only by X-Real-IP
// (--trusted-proxy). Without that flag every citizen shares nginx's few connections, and the
// per-connection limit (burst 20 per nginx connection) may refuse some: reported, not failed,
// since that is the server's to fix; with the flag, every event must count.
async function checkCampaignEvents(nginx) {
  const campaign = fs.readdirSync(path.join(bundle, 'content/campaigns')).find((f) => f.endsWith('.json')).replace(/\.json$/, '');
  const answers = [];
  for (let n = 0; n < 60; n++) {
    answers.push(await request(nginx.port, 'POST', '/api/events', { headers: postJson, from: `127.0.2.${n + 1}`,
      body: JSON.stringify({ campaign, event: 'journey-started' }) }));
  }
  const counted = answers.filter((r) => r.status === 202).length;
  const statuses = [...new Set(answers.map((r) => r.status))].join(', ');
  if (serverTrustsProxy() || counted === 60) {
    check(counted === 60, `campaign events from 60 addresses through nginx: ${counted} counted (statuses ${statuses})`);
    log('ok campaign events: 60 citizens on 60 addresses, all counted');
  } else {
    log(`NOTE campaign events: ${counted} of 60 citizens' events counted through nginx (statuses ${statuses}); ` +
      'this server has no --trusted-proxy, so its per-connection event limit sees nginx, not the citizens');
  }
}

// Killing one instance while 80 clients vote: every acknowledged vote is in the database, and
// nearly every request succeeds (nginx retries a vote, idempotent by its key, on the other one).
async function checkFailover(nginx, b, target, pg) {
  const clients = 80;
  const perClient = 10;
  const total = clients * perClient;
  const killAfter = Math.floor(total / 3);
  const acknowledged = new Set();
  const failures = [];
  const statuses = {};
  let answered = 0;
  let killed;
  const agent = (n) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.1.${n + 1}` });
  await Promise.all(Array.from({ length: clients }, async (_, n) => {
    const keepAlive = agent(n);
    const participant = `topology-${random()}-client${n}`;
    for (let i = 0; i < perClient; i++) {
      const key = `failover-${random()}-${n}-${i}`;
      const statement = target.statements[i % target.statements.length];
      try {
        const res = await request(nginx.port, 'POST', `/api/polls/${target.poll}/votes`,
          { headers: postJson, body: vote(participant, statement, key, i % 2 ? 'agree' : 'disagree'), from: `127.0.1.${n + 1}`, agent: keepAlive });
        const status = res.status === 200 ? json(res).status : res.status;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (res.status === 200) acknowledged.add(key);
        else failures.push(`${res.status} ${decoded(res).slice(0, 120)}`);
      } catch (error) {
        failures.push(error.message);
      }
      if (++answered === killAfter) {
        killed = Date.now();
        b.child.kill('SIGKILL');
      }
    }
    keepAlive.destroy();
  }));
  check(killed, 'instance B was never killed');
  const stored = new Set(execFileSync(path.join(pg.bindir, 'psql'), [pg.connection, '-Atc',
    `SELECT key FROM votes WHERE poll = '${target.poll}' AND key LIKE 'failover-%'`]).toString().split('\n').filter(Boolean));
  const lost = [...acknowledged].filter((key) => !stored.has(key));
  check(lost.length === 0, `${lost.length} acknowledged votes are not in the database, e.g. ${lost.slice(0, 3).join(', ')}`);
  check(failures.length < total / 100, `${failures.length} of ${total} votes failed (aim: under 1 %): ${failures.slice(0, 5).join(' | ')}`);
  await checkHealth(nginx);
  log(`ok failover: ${total} votes from ${clients} addresses, instance B killed after ${killAfter}: ` +
    `${acknowledged.size} acknowledged (${JSON.stringify(statuses)}), all in the database, ${failures.length} failed`);
}

// With every instance down, a vote gets the API's 503 with Retry-After (the app keeps the vote in
// its outbox and sends it again), not nginx's HTML 502.
async function checkAllDown(nginx, a, target) {
  a.child.kill('SIGKILL');
  await a.child.exited;
  const res = await request(nginx.port, 'POST', `/api/polls/${target.poll}/votes`,
    { headers: postJson, body: vote(`topology-${random()}-late`, target.statements[0], `late-${random()}-key`) });
  check(res.status === 503 && res.headers['retry-after'] && json(res).error,
    `a vote with every instance down: ${res.status}, Retry-After ${res.headers['retry-after']}: ${decoded(res)}`);
  log('ok every instance down: a vote gets 503 {"error"} with Retry-After from nginx');
}

function checkLogsKeepNoAddress(nginx) {
  const logs = path.join(work, 'nginx/logs');
  const files = [...fs.readdirSync(logs).map((f) => path.join(logs, f)),
    ...fs.readdirSync(work).filter((f) => f.endsWith('.log')).map((f) => path.join(work, f))];
  const access = fs.readFileSync(path.join(logs, 'stadsmijn-access.log'), 'utf8');
  check(access.split('\n').length > 100, 'the access log is (nearly) empty: is it written at all?');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const found = text.match(/127\.0\.0\.[234]\b|127\.0\.[12]\.\d+/);
    check(!found, `${path.basename(file)} holds a client address (${found?.[0]}): the privacy promise is broken`);
  }
  log(`ok privacy: no client address in ${files.length} log files (nginx access and error logs, both instances)`);
}

async function main() {
  const pg = await startPostgres();
  const a = await startInstance('instance-a', pg.connection);
  const b = await startInstance('instance-b', pg.connection);
  const nginx = await startNginx([a, b]);
  log(`PostgreSQL, instances on ${a.port} and ${b.port}, nginx on ${nginx.port}`);
  await checkHealth(nginx);
  await checkStaticFiles(nginx, a);
  await checkEmbeds(nginx, a);
  const target = await pollAndStatement(nginx);
  await checkRoundTrip(nginx, a, b, target);
  await checkLimits(nginx, target, [a, b]);
  await checkCampaignEvents(nginx);
  await checkFailover(nginx, b, target, pg);
  await checkAllDown(nginx, a, target);
  await stopAll();
  checkLogsKeepNoAddress(nginx);
}

const watchdog = setTimeout(() => { console.error('production_topology: over 150 s, giving up'); stopAll().then(() => process.exit(1)); }, 150000);
try {
  await main();
  clearTimeout(watchdog);
  log('passed');
  process.exit(0);
} catch (error) {
  await stopAll();
  clearTimeout(watchdog);
  if (error instanceof Skip) {
    log(`skipped: ${error.message}`);
    process.exit(77);
  }
  console.error(`production_topology: FAILED: ${error.message}`);
  for (const child of children) console.error(`--- ${child.name} ---\n${output(child.name).slice(-2000)}`);
  process.exit(1);
}
