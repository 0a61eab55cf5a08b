// The console's routes with NODE_ENV=production: exports work as elsewhere (here with a row limit of 150, to see the
// cut), and the development sign-in does not exist.
import { tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ROW_LIMIT } from '../src/exportCsv.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const LIMIT = 150;
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ production: true, gateway: { exportRowLimit: LIMIT } });
}, 120_000);
afterAll(() => platform?.stop());

const exportOrders = async (query: string, token?: string) =>
  fetch(`${platform.gatewayBaseUrl}/export/orders.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('in production', () => {
  it('has no development sign-in', async () => {
    expect((await fetch(`${platform.gatewayBaseUrl}/auth/dev-actors`)).status).toBe(404);
    const mint = await fetch(`${platform.gatewayBaseUrl}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'CITY_OFFICIAL', scope: '4201' }),
    });
    expect(mint.status).toBe(404);
  });

  it('exports under the caller’s token and scope, and cuts a list past the row limit with a line saying so', async () => {
    expect(EXPORT_ROW_LIMIT).toBe(100_000);
    const counted = await callerFor(platform, 'ANALYST', '4201').query<{ orders: { totalCount: number } }>('{ orders(filter: { regionId: "4201" }, first: 1) { totalCount } }');
    expect(counted.data!.orders.totalCount).toBeGreaterThan(LIMIT);
    const response = await exportOrders('regionId=4201&lang=en-US', await tokenFor('ANALYST', '4201'));
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Order ID,Delivery date,/);
    expect(lines).toHaveLength(1 + LIMIT + 1);
    expect(lines.at(-1)).toBe('# cut at 150 rows, the most one export holds: narrow the filters (a smaller region or fewer days) for the rest.');

    expect((await exportOrders('regionId=4201')).status).toBe(401);
    expect((await exportOrders('regionId=4201', await tokenFor('STREET_OFFICER', '420102001'))).status).toBe(403);
    expect((await exportOrders('regionId=4201&status=LOST', await tokenFor('ANALYST', '4201'))).status).toBe(400);
  });
});
