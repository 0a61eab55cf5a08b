// `npm run token`: a token only for a scope of the shape its role needs; anything else exits 2 saying why.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEVELOPMENT_JWT_SECRET, verifyToken } from '@cgov/shared';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the token command as `npm run token` does; resolves with its exit code and output. */
async function token(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
  delete env.AUTH_JWT_SECRET;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', 'scripts/token.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run token', () => {
  it('refuses a scope of the wrong shape for the role with exit 2 and what it must be', async () => {
    const resident = await token('--role', 'RESIDENT', '--scope', '4201');
    expect(resident).toMatchObject({ code: 2, stdout: '' });
    expect(resident.stderr).toMatch(/--scope: RESIDENT acts for one household, so its scope is that household's id, a UUID/);
    expect(resident.stderr).toMatch(/Usage: npm run token/);
    const officer = await token('--role', 'street_officer', '--scope', '4201');
    expect(officer.code).toBe(2);
    expect(officer.stderr).toMatch(/street's division code of 9 digits/);
  });

  it('prints a token the services accept for a scope of the right shape', async () => {
    const printed = await token('--role', 'RESIDENT', '--scope', '4d1d43ec-bec2-5697-b5e6-ce6783b40daa');
    expect(printed.code).toBe(0);
    await expect(verifyToken(printed.stdout.trim(), DEVELOPMENT_JWT_SECRET)).resolves.toMatchObject({
      role: 'RESIDENT',
      scope: '4d1d43ec-bec2-5697-b5e6-ce6783b40daa',
    });
  });
});
