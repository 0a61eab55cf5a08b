// The gateway in cluster mode (GATEWAY_WORKERS > 1), as a real process: a worker that dies is forked again while
// the other keeps serving the port.
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(condition: () => boolean, what: string, withinMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > withinMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('gateway workers', () => {
  it('forks a worker again when one dies, says why, and keeps answering on the port meanwhile', async () => {
    const port = await freePort();
    const closed = await freePort(); // nothing listens there: the subgraphs are "down", the gateway serves anyway
    const gateway = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'gateway/src/index.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        GATEWAY_WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        CITY_URL: `http://127.0.0.1:${closed}/graphql`,
        COMMUNITY_URL: `http://127.0.0.1:${closed}/graphql`,
        SELFORG_URL: `http://127.0.0.1:${closed}/graphql`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Each worker's 'gateway serving at' line carries its pid.
    const lines: Array<{ pid: number; msg: string }> = [];
    for (const stream of [gateway.stdout, gateway.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        try {
          lines.push(JSON.parse(line) as { pid: number; msg: string });
        } catch {
          // not a log line
        }
      });
    }
    const serving = () => [...new Set(lines.filter((line) => line.msg.startsWith('gateway serving at')).map((line) => line.pid))];
    try {
      await until(() => serving().length === 2, 'two workers');
      const [victim, survivor] = serving();
      expect(victim).not.toBe(gateway.pid);
      process.kill(victim!, 'SIGKILL');
      await until(() => lines.some((line) => line.msg.includes('gateway worker stopped unexpectedly')), 'the primary to notice');
      // Meanwhile the port answers (503: the subgraphs are down, but the gateway is there to say so).
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(503);
      await until(() => serving().length === 3, 'a new worker');
      const newcomer = serving().find((pid) => pid !== victim && pid !== survivor);
      expect(newcomer).toBeDefined();
      const notice = lines.find((line) => line.msg.includes('gateway worker stopped unexpectedly')) as unknown as Record<string, unknown>;
      expect(notice).toMatchObject({ pid: victim, reason: 'signal SIGKILL', delayMs: 1000 });
    } finally {
      const exited = new Promise((resolve) => gateway.once('exit', resolve));
      gateway.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
