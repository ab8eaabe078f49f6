// Runs a command against a Banhao instance: the one at BANHAO_URL when set, otherwise the packaged jar
// (target/quarkus-app, from `./mvnw package`) started here in local mode on a free port with a fresh data
// directory, stopped and removed afterwards. The command sees the instance's address in BANHAO_URL.
//   node clients/scripts/with-server.mjs <command> [args…]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-server.mjs <command> [args…]');
  process.exit(2);
}

const freePort = () =>
  new Promise((ok, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
    probe.on('error', fail);
  });

async function waitUntilReady(url, server, log, seconds = 180) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      // Readiness lives on the management port; the API answering ping means it started (database migrated).
      if ((await fetch(`${url}/api/v1/system/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Banhao did not become ready at ${url}; its log (${log}):\n${readFileSync(log, 'utf8').slice(-4000)}`);
}

function run(cmd, argv, env) {
  return new Promise((ok) => {
    const child = spawn(cmd, argv, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)));
  });
}

let url = process.env.BANHAO_URL;
let server;
let dataDir;
if (!url) {
  const jar = join(root, 'target/quarkus-app/quarkus-run.jar');
  if (!existsSync(jar)) {
    console.error(`${jar} is missing: build it first with ./mvnw -q package -DskipTests`);
    process.exit(2);
  }
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'banhao-client-test-'));
  const log = join(dataDir, 'server.log');
  const out = openSync(log, 'a');
  const h5 = join(root, 'clients/h5/dist');
  server = spawn(
    'java',
    [
      '-Dbanhao.local-mode=true',
      `-Dquarkus.http.port=${port}`,
      `-Dquarkus.management.port=${await freePort()}`,
      '-Dquarkus.http.host=127.0.0.1',
      `-Dbanhao.data-dir=${join(dataDir, 'data')}`,
      `-Dbanhao.key-dir=${join(dataDir, 'keys')}`, // local mode's generated keys: this run's, not the checkout's
      `-Dbanhao.h5.dir=${h5}`,
      '-jar',
      jar,
    ],
    { cwd: root, stdio: ['ignore', out, out] },
  );
  url = `http://127.0.0.1:${port}`;
  console.log(`Starting Banhao at ${url} (log: ${log})`);
  try {
    await waitUntilReady(url, server, log);
  } catch (e) {
    server.kill('SIGKILL');
    console.error(e.message);
    process.exit(1);
  }
}

const stop = () =>
  new Promise((ok) => {
    if (!server || server.exitCode !== null) return ok();
    const force = setTimeout(() => server.kill('SIGKILL'), 20_000);
    server.on('exit', () => {
      clearTimeout(force);
      ok();
    });
    server.kill('SIGTERM');
  });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stop();
    process.exit(130);
  });
}

const code = await run(command, args, { ...process.env, BANHAO_URL: url });
await stop();
if (dataDir && code === 0) rmSync(dataDir, { recursive: true, force: true });
else if (dataDir) console.error(`Server log kept in ${join(dataDir, 'server.log')}`);
process.exit(code);
