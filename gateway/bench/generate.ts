// Generates a city of any size straight into the three subgraphs' databases, with set-based SQL:
// the region tree, a designated supplier per district, compounds, buildings, households, party members, packages naming
// their district's supplier, a day of orders, readiness and group buys.
// Test and benchmark tooling only: the services themselves never touch another's database.

import { AFTER_BULK_LOAD_SQL } from '@cgov/community/bulk-load';

export interface CityShape {
  /** A 4-digit code of a city the demo does not use. */
  cityId: string;
  districts: number;
  streetsPerDistrict: number;
  communitiesPerStreet: number;
  compoundsPerCommunity: number;
  buildingsPerCompound: number;
  floors: number;
  householdsPerFloor: number;
  /** The share of households that order on `date` (0–1). */
  orderShare: number;
  /** The delivery date of the generated orders. */
  date: string;
}

/**
 * A city at a scale from 0 to 2. At 1: 13 districts, 156 streets, 1,560 communities, 62,400 buildings,
 * 3,120,000 households and a day of about 2,000,000 orders; each level shrinks (or, above 1, grows) by the cube
 * root of the scale. At 2, twice the full city: 16 districts, 240 streets, 3,120 communities.
 */
export function cityAtScale(scale: number, cityId = '4401', date = '2026-11-22'): CityShape {
  const shrink = Math.cbrt(Math.min(2, Math.max(scale, 0)));
  return {
    cityId,
    districts: Math.max(1, Math.round(13 * shrink)),
    streetsPerDistrict: Math.max(1, Math.round(12 * shrink)),
    communitiesPerStreet: Math.max(1, Math.round(10 * shrink)),
    compoundsPerCommunity: 4,
    buildingsPerCompound: 10,
    floors: 10,
    householdsPerFloor: 5,
    orderShare: 2 / 3,
    date,
  };
}

export interface GeneratedCity {
  shape: CityShape;
  districtIds: string[];
  streetIds: string[];
  communityIds: string[];
}

/** Runs one SQL text on a subgraph's database. */
export type Exec = (sql: string) => Promise<unknown>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** SQL for the id of the supplier the generator designates for a district, from an SQL expression of the district's code. */
const supplierOf = (districtCode: string) => `md5('supplier:' || ${districtCode})::uuid`;

/** The codes of the generated region tree. */
export function regionCodes(shape: CityShape): Omit<GeneratedCity, 'shape'> {
  const districtIds = Array.from({ length: shape.districts }, (_, d) => `${shape.cityId}${pad(d + 1, 2)}`);
  const streetIds = districtIds.flatMap((district) => Array.from({ length: shape.streetsPerDistrict }, (_, s) => `${district}${pad(s + 1, 3)}`));
  const communityIds = streetIds.flatMap((street) => Array.from({ length: shape.communitiesPerStreet }, (_, c) => `${street}${pad(c + 1, 3)}`));
  return { districtIds, streetIds, communityIds };
}

export async function generateCity(shape: CityShape, exec: { city: Exec; community: Exec; selforg: Exec }): Promise<GeneratedCity> {
  const codes = regionCodes(shape);
  const values = (rows: string[]) => rows.join(',\n');
  const regionRows = [
    `('${shape.cityId}', 'CITY', 'G${shape.cityId}市', NULL)`,
    ...codes.districtIds.map((id, i) => `('${id}', 'DISTRICT', '区${i + 1}', '${shape.cityId}')`),
    ...codes.streetIds.map((id, i) => `('${id}', 'STREET', '街道${i + 1}', '${id.slice(0, 6)}')`),
    ...codes.communityIds.map((id, i) => `('${id}', 'COMMUNITY', '社区${i + 1}', '${id.slice(0, 9)}')`),
  ];
  await exec.city(`INSERT INTO regions (id, level, name, parent_id) VALUES ${values(regionRows)} ON CONFLICT DO NOTHING`);
  await exec.city(
    `INSERT INTO subsidy_policies (region_id, category, version, subsidy_per_unit, max_list_price, per_household_daily_limit, effective_from, published_by, published_at)
     VALUES ('${shape.cityId}', 'VEGETABLE_BASIC', 1, 1200, 5200, 1, '2020-01-01', 'generator', now()),
            ('${shape.cityId}', 'PORK_BASIC', 1, 600, 6600, 1, '2020-01-01', 'generator', now())
     ON CONFLICT DO NOTHING`,
  );
  await exec.city(`INSERT INTO subsidy_budgets (region_id, amount, allocated_by, allocated_at) VALUES ('${shape.cityId}', 10000000000, 'generator', now()) ON CONFLICT DO NOTHING`);
  // One designated supplier per district (its id derived from the district's code), which every package inside it names:
  // a package's supplier resolves in the city subgraph as it does for packages published through the API.
  await exec.city(
    `INSERT INTO suppliers (id, region_id, name, designated_by, designated_at)
     SELECT ${supplierOf('d.id')}, d.id, '供应商' || d.id, 'generator', now() FROM (VALUES ${codes.districtIds.map((id) => `('${id}')`).join(',')}) AS d(id)
     ON CONFLICT DO NOTHING`,
  );

  // The community subgraph's rows district by district: one statement over the whole city (about 4,000,000 orders at
  // scale 2) ran for over half an hour, sorting and joining all of it at once; a district at a time stays in memory.
  for (const prefix of codes.districtIds) {
    const districtCommunities = codes.communityIds.filter((id) => id.startsWith(prefix));
    const communities = `(VALUES ${districtCommunities.map((id) => `('${id}')`).join(',')}) AS c(id)`;
    await exec.community(
      `INSERT INTO compounds (id, community_id, name)
       SELECT gen_random_uuid(), c.id, '小区' || k FROM ${communities}, generate_series(1, ${shape.compoundsPerCommunity}) AS k`,
    );
    await exec.community(
      `INSERT INTO buildings (id, compound_id, community_id, name, floors)
       SELECT gen_random_uuid(), p.id, p.community_id, b || '栋', ${shape.floors}
       FROM compounds p, generate_series(1, ${shape.buildingsPerCompound}) AS b WHERE p.community_id LIKE '${prefix}%'`,
    );
    await exec.community(
      `INSERT INTO households (id, building_id, compound_id, community_id, floor, room, head_of_household, phone)
       SELECT gen_random_uuid(), b.id, b.compound_id, b.community_id, f, f || lpad(d::text, 2, '0'), '住户', NULL
       FROM buildings b, generate_series(1, ${shape.floors}) AS f, generate_series(1, ${shape.householdsPerFloor}) AS d
       WHERE b.community_id LIKE '${prefix}%'`,
    );
    await exec.community(
      `INSERT INTO party_members (id, community_id, name, phone, work_unit, reported_at, registered_by)
       SELECT gen_random_uuid(), c.id, '党员' || k, c.id || lpad(k::text, 3, '0'), '单位', now(), 'generator'
       FROM ${communities}, generate_series(1, ${shape.compoundsPerCommunity}) AS k`,
    );
    // Each party member covers the first half of the buildings of "their" compound: coverage has gaps to show.
    await exec.community(
      `INSERT INTO party_member_assignments (party_member_id, building_id, community_id, floor_from, floor_to, assigned_by, assigned_at)
       SELECT m.id, b.id, b.community_id, 1, b.floors, 'generator', now()
       FROM party_members m
       JOIN compounds p ON p.community_id = m.community_id AND p.name = '小区' || right(m.phone, 3)::int
       JOIN buildings b ON b.compound_id = p.id AND split_part(b.name, '栋', 1)::int <= ${Math.ceil(shape.buildingsPerCompound / 2)}
       WHERE m.community_id LIKE '${prefix}%'`,
    );
    await exec.community(
      `INSERT INTO packages (id, community_id, date, category, name, list_price, items, supplier_id, published_by, published_at)
       SELECT gen_random_uuid(), c.id, '${shape.date}', k.category, k.name, k.price, '[]'::jsonb, ${supplierOf('left(c.id, 6)')}, 'generator', now()
       FROM ${communities}, (VALUES ('VEGETABLE_BASIC', '蔬菜套餐', 5200), ('PORK_BASIC', '猪肉套餐', 6600)) AS k(category, name, price)`,
    );
    await exec.community(
      `INSERT INTO order_batches (id, submitted_by, idempotency_key, fingerprint, submitted_at)
       SELECT gen_random_uuid(), 'generator:' || c.id, '${shape.date}', 'generated', now() FROM ${communities}`,
    );
    // Fresh statistics before the orders' joins: planned on the empty tables of the start, they loop row by row.
    await exec.community('ANALYZE households, packages, order_batches');
    await exec.community(
      `INSERT INTO orders (batch_id, position, household_id, package_id, community_id, compound_id, building_id, date, category,
                           quantity, subsidized_quantity, list_price, subsidy, payable, status, channel, submitted_by, placed_at, updated_at)
       SELECT ob.id, (row_number() OVER (PARTITION BY h.community_id) % 30000)::smallint, h.id, p.id, h.community_id, h.compound_id, h.building_id,
              '${shape.date}', p.category, 1, 1, p.list_price, CASE p.category WHEN 'VEGETABLE_BASIC' THEN 1200 ELSE 600 END,
              p.list_price - CASE p.category WHEN 'VEGETABLE_BASIC' THEN 1200 ELSE 600 END,
              CASE WHEN h.floor % 4 = 0 THEN 'DELIVERED' ELSE 'PLACED' END, 'GROUP_CHAIN', 'generator', now(), now()
       FROM households h
       JOIN order_batches ob ON ob.submitted_by = 'generator:' || h.community_id AND ob.idempotency_key = '${shape.date}'
       JOIN packages p ON p.community_id = h.community_id AND p.date = '${shape.date}'
                      AND p.category = CASE WHEN h.room::int % 3 = 0 THEN 'PORK_BASIC' ELSE 'VEGETABLE_BASIC' END
       WHERE h.community_id LIKE '${prefix}%' AND (hashtext(h.id::text) & 1023) < ${Math.round(shape.orderShare * 1024)}`,
    );
    // Readiness: an epidemic plan in three communities of four (reviewed up to 511 days before the date, so some have
    // lapsed); each of the three spaces the score asks for in three of four; masks and disinfectant, one ledger row each,
    // some below their minimum of 20 and expiring within 127 days; every party member a delivery volunteer, half accepted.
    await exec.community(
      `INSERT INTO emergency_plans (community_id, hazard, version, title, steps, reviewed_on, published_by, published_at)
       SELECT c.id, 'EPIDEMIC', 1, '疫情防控应急预案', '[{"action":"启动","responsible":"社区"}]'::jsonb,
              '${shape.date}'::date - (hashtext(c.id) & 511), 'generator', now()
       FROM ${communities} WHERE (hashtext(c.id) & 3) <> 0`,
    );
    await exec.community(
      `INSERT INTO emergency_spaces (community_id, name, normal_use, emergency_use, capacity, conversion_hours, registered_by, registered_at)
       SELECT c.id, '场所' || k, '活动室', (ARRAY['OBSERVATION_POINT', 'SUPPLY_DEPOT', 'DELIVERY_POINT'])[k], 20 + k * 10, k * 4, 'generator', now()
       FROM ${communities}, generate_series(1, 3) AS k WHERE (hashtext(c.id || k) & 3) <> 0`,
    );
    await exec.community(
      `INSERT INTO supply_items (community_id, item, unit, on_hand, minimum, expires_on, updated_at)
       SELECT c.id, i.item, '箱', hashtext(c.id || i.item) & 63, 20, '${shape.date}'::date + ((hashtext(c.id || i.item) >> 8) & 127), now()
       FROM ${communities}, (VALUES ('口罩'), ('消毒液')) AS i(item)`,
    );
    await exec.community(
      `INSERT INTO supply_changes (community_id, item, change, reason, expires_on, minimum, recorded_by, recorded_at, idempotency_key, fingerprint)
       SELECT community_id, item, on_hand, '入库', expires_on, minimum, 'generator', now(), 'generator:' || item, 'generated'
       FROM supply_items WHERE community_id LIKE '${prefix}%'`,
    );
    await exec.community(`INSERT INTO volunteer_teams (community_id, kind) SELECT c.id, 'DELIVERY' FROM ${communities}`);
    await exec.community(
      `INSERT INTO volunteers (community_id, team_id, party_member_id, skills, status, enrolled_by, enrolled_at, accepted_by, accepted_at)
       SELECT m.community_id, t.id, m.id, '["送货上门"]'::jsonb, CASE WHEN a.accepted THEN 'ACCEPTED' ELSE 'PENDING' END,
              'generator', now(), CASE WHEN a.accepted THEN 'generator' END, CASE WHEN a.accepted THEN now() END
       FROM party_members m CROSS JOIN LATERAL (SELECT (hashtext(m.phone) & 1) = 0 AS accepted) a JOIN volunteer_teams t ON t.community_id = m.community_id AND t.kind = 'DELIVERY'
       WHERE m.community_id LIKE '${prefix}%'`,
    );
  }
  // Coverage, daily statistics and readiness are kept as the service goes; data loaded in bulk refreshes them once.
  for (const statement of AFTER_BULK_LOAD_SQL) await exec.community(statement);
  await exec.community('ANALYZE');

  const communities = `(VALUES ${codes.communityIds.map((id) => `('${id}')`).join(',')}) AS c(id)`;
  await exec.selforg(
    `INSERT INTO owner_committees (id, compound_id, community_id, name, registered_by)
     SELECT gen_random_uuid(), gen_random_uuid(), c.id, '业委会', 'generator' FROM ${communities}`,
  );
  await exec.selforg(
    `INSERT INTO group_buys (id, committee_id, compound_id, community_id, title, category, organizer, min_participants, deadline, pickup_at,
                             pickup_point, volunteers, status, created_by, created_at)
     SELECT gen_random_uuid(), o.id, o.compound_id, o.community_id, '水果团购', 'FRUIT', '业主', 3, '${shape.date}T18:00:00+08:00',
            '${shape.date}T20:00:00+08:00', '东门', '[]'::jsonb, 'OPEN', 'generator', now()
     FROM owner_committees o WHERE o.community_id LIKE '${shape.cityId}%'`,
  );
  await exec.selforg(
    `INSERT INTO participations (group_buy_id, household_id, household_label, submitted_by, idempotency_key, fingerprint, amount, joined_at)
     SELECT g.id, gen_random_uuid(), '1栋 ' || k, 'generator:' || g.id || ':' || k, 'k', 'f', 3500, now()
     FROM group_buys g, generate_series(1, 4) AS k WHERE g.community_id LIKE '${shape.cityId}%'`,
  );
  // The count the selforg subgraph keeps with each join, made the way its migration counts it.
  await exec.selforg(
    `UPDATE group_buys AS g SET participant_count = c.households
     FROM (SELECT group_buy_id, count(DISTINCT household_id)::int AS households FROM participations GROUP BY group_buy_id) AS c
     WHERE c.group_buy_id = g.id AND g.community_id LIKE '${shape.cityId}%'`,
  );
  return { shape, ...codes };
}
