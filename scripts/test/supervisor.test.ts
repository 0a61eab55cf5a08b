// The supervisor behind `npm start`, with real child processes: a child that dies comes back, with back-off.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@cgov/shared';
import { supervise, type Supervisor } from '../supervisor.js';
import { formatLogLine } from '../logLines.js';

/** A Node child: prints "up <pid>", then lives `lifeMs` (forever when absent) and exits with `code`. */
const node = (name: string, lifeMs?: number, code = 3) => ({
  name,
  command: process.execPath,
  args: ['-e', `console.log('up ' + process.pid); ${lifeMs === undefined ? 'setInterval(() => {}, 1000);' : `setTimeout(() => process.exit(${code}), ${lifeMs});`}`],
});

async function until(condition: () => boolean, withinMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > withinMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('supervise', () => {
  it('starts a killed child again, says why and when, and leaves the others running; stop() ends all', async () => {
    const lines: string[] = [];
    const said: string[] = [];
    let supervisor: Supervisor | undefined;
    try {
      supervisor = supervise([node('city'), node('gateway')], {
        initialDelayMs: 50,
        onLine: (name, line) => lines.push(`${name} ${line}`),
        log: (name, message) => said.push(`${name} ${message}`),
      });
      await until(() => lines.length === 2);
      const [city, gateway] = supervisor.processes;
      const first = city!.child!.pid;
      const gatewayPid = gateway!.child!.pid;
      city!.child!.kill('SIGKILL');
      await until(() => lines.includes(`city up ${city!.child?.pid}`) && city!.child!.pid !== first);
      expect(said).toEqual([expect.stringMatching(/^city stopped unexpectedly \(signal SIGKILL\) after \d+(\.\d)? m?s; restarting in 50 ms \(restart 1\)/)]);
      expect(city!.restarts).toBe(1);
      expect(gateway!.child!.pid).toBe(gatewayPid);
      expect(gateway!.restarts).toBe(0);
    } finally {
      await supervisor?.stop();
    }
    expect(supervisor!.processes.every((each) => each.child === undefined || each.child.exitCode !== null || each.child.signalCode !== null)).toBe(true);
  });

  it('doubles the wait for a child that keeps dying, up to the maximum, and starts over after it ran a while', async () => {
    const said: string[] = [];
    const crashing = supervise([node('selforg', 0, 3)], { initialDelayMs: 20, maxDelayMs: 80, log: (_name, message) => said.push(message) });
    try {
      await until(() => said.length >= 4);
    } finally {
      await crashing.stop();
    }
    expect(said.slice(0, 4).map((message) => /\(exit 3\).*restarting in (\d+) ms/.exec(message)?.[1])).toEqual(['20', '40', '80', '80']);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, 20, 80))).toEqual([20, 40, 80, 80, 80]);

    const steady: string[] = [];
    const longLived = supervise([node('community', 150, 1)], { initialDelayMs: 20, resetAfterMs: 100, log: (_name, message) => steady.push(message) });
    try {
      await until(() => steady.length >= 3);
    } finally {
      await longLived.stop();
    }
    expect(steady.slice(0, 3).every((message) => /\(exit 1\).*restarting in 20 ms/.test(message))).toBe(true);
  });
});

describe('formatLogLine', () => {
  it('shows a pino line as time, level (unless info), message and the access log’s fields; other lines as they are', () => {
    const time = new Date(2026, 0, 1, 12, 0, 1).getTime();
    expect(formatLogLine(JSON.stringify({ level: 30, time, msg: 'POST /graphql 200', requestId: 'r1', operationName: 'Cities', durationMs: 4, req: { method: 'POST' } }))).toBe(
      '12:00:01 POST /graphql 200 requestId=r1 operationName=Cities durationMs=4',
    );
    expect(formatLogLine(JSON.stringify({ level: 50, time, msg: 'could not start', err: { message: 'port in use' } }))).toBe('12:00:01 ERROR could not start error=port in use');
    expect(formatLogLine('plain text')).toBe('plain text');
  });
});
