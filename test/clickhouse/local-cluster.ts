/**
 * A throwaway ClickHouse cluster on 127.0.0.1 for tests and the benchmark:
 * N server processes of Debian's clickhouse-server (18.16), each with its own
 * free ports and temp directory, all knowing a cluster `sybil` of N shards so
 * a Distributed table spreads rows over them. Never the system service.
 * A missing binary is an error, not a skip: CI installs it (.ci/run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SERVER_BINARY = process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';

export interface LocalCluster {
  /** HTTP URL of each shard's server. */
  urls: string[];
  dir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, ports: { http: number; tcp: number; inter: number }, shards: number[]): string {
  const remote = shards.map((tcp) => `<shard><replica><host>127.0.0.1</host><port>${tcp}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${ports.http}</http_port><tcp_port>${ports.tcp}</tcp_port><interserver_http_port>${ports.inter}</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path><tmp_path>${dir}/tmp/</tmp_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile><default_database>default</default_database>
  <mark_cache_size>5368709</mark_cache_size>
  <remote_servers><sybil>${remote}</sybil></remote_servers>
</yandex>
`;
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited (${child.exitCode}): ${log().slice(-2000)}`);
    try {
      const res = await fetch(`${url}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`clickhouse-server at ${url} did not start in 30 s: ${log().slice(-2000)}`);
}

/** Starts `shards` servers forming cluster `sybil`; call stop() to kill them and remove their data. */
export async function startCluster(shards = 2): Promise<LocalCluster> {
  if (!existsSync(SERVER_BINARY)) throw new Error(`${SERVER_BINARY} is missing: apt-get install clickhouse-server (.ci/run does)`);
  const dir = await mkdtemp(join(tmpdir(), 'sybilscope-ch-'));
  const ports = [];
  for (let i = 0; i < shards; i++) ports.push({ http: await freePort(), tcp: await freePort(), inter: await freePort() });
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => (clearTimeout(timer), resolve()));
            c.kill('SIGTERM');
          }),
      ),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const urls: string[] = [];
    for (let i = 0; i < shards; i++) {
      const home = join(dir, `shard${i + 1}`);
      await mkdir(join(home, 'data'), { recursive: true });
      await mkdir(join(home, 'tmp'), { recursive: true });
      const file = join(home, 'config.xml');
      await writeFile(file, config(home, ports[i], ports.map((p) => p.tcp)));
      let log = '';
      const child = spawn(SERVER_BINARY, [`--config-file=${file}`], { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d) => (log = (log + d).slice(-20_000)));
      child.stderr!.on('data', (d) => (log = (log + d).slice(-20_000)));
      children.push(child);
      urls.push(`http://127.0.0.1:${ports[i].http}`);
      await waitReady(urls[i], child, () => log);
    }
    return { urls, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
