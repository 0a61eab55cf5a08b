import type { Database } from '@cgov/shared';
import type { SelforgTables } from './db/schema.js';

/** The self-organisation tier has no demo data yet: B小区's owners' committee and its group buys come with group buys. */
export async function loadDemoData(_db: Database<SelforgTables>): Promise<void> {}
