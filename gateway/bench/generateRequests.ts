// Generates a month of resident requests for a generated city straight into the requests subgraph's database,
// with set-based SQL: the departments and catalogue (the demo's), about 1 request per 100 households, in every
// status, with their history lines, dispatches, callbacks and a few whistles, and the figures the service keeps
// computed once from them (REBUILD_REQUEST_STATS_SQL). Test and benchmark tooling only.

import { DEMO_CATEGORIES, DEMO_DEPARTMENTS } from '@cgov/requests/demo';
import { REBUILD_REQUEST_STATS_SQL } from '@cgov/requests/bulk-load';
import { DEADLINE_HOURS } from '@cgov/requests/rules';
import type { CityShape, Exec } from './generate.js';
import { regionCodes } from './generate.js';

/** Households per request in the generated month. */
export const HOUSEHOLDS_PER_REQUEST = 100;

/** How many requests a community of the shape receives in the generated month. */
export function requestsPerCommunity(shape: CityShape): number {
  const households = shape.compoundsPerCommunity * shape.buildingsPerCompound * shape.floors * shape.householdsPerFloor;
  return Math.max(1, Math.round(households / HOUSEHOLDS_PER_REQUEST));
}

/** The first instant of a month (YYYY-MM) in Asia/Shanghai, and how many minutes it lasts. */
function monthBounds(month: string) {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const start = new Date(`${month}-01T00:00:00+08:00`);
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  const end = new Date(`${next}-01T00:00:00+08:00`);
  return { start: start.toISOString(), minutes: Math.round((end.getTime() - start.getTime()) / 60_000) };
}

const quote = (text: string | null) => (text === null ? 'NULL' : `'${text.replace(/'/g, "''")}'`);

/**
 * The statements that load a month of requests in the city's communities. Statuses by a hash of each request:
 * 3 % RETURNED, 6 % DISPATCHED, 8 % ACCEPTED, 8 % REPLIED, 5 % REOPENED, 70 % CLOSED; one first response in ten
 * and one reply in seven late; callbacks 70 % satisfied, 20 % basically, 10 % not; one street-held request in
 * twenty whistled on (its category's department summoned, one summons in ten never reported).
 */
export function requestMonthSql(shape: CityShape, month: string): string[] {
  const { cityId } = shape;
  const { communityIds } = regionCodes(shape);
  const { start, minutes } = monthBounds(month);
  const department = (key: string | null) => (key ? quote(DEMO_DEPARTMENTS.find((row) => row.key === key)!.name) : 'NULL');
  const categories = DEMO_CATEGORIES.map(
    (category, position) =>
      `(${quote(category.code)}, ${quote(category.name)}, ${quote(category.urgency)}, ${department(category.responsible)}, ${department(category.supervising)}, ${position})`,
  );
  const hours = (kind: 'response' | 'resolution') =>
    `CASE cat.urgency ${Object.entries(DEADLINE_HOURS)
      .map(([urgency, deadline]) => `WHEN '${urgency}' THEN ${deadline[kind]}`)
      .join(' ')} END`;
  return [
    `INSERT INTO departments (id, city_id, name, position)
     VALUES ${DEMO_DEPARTMENTS.map((row, position) => `(gen_random_uuid(), '${cityId}', ${quote(row.name)}, ${position})`).join(', ')}
     ON CONFLICT DO NOTHING`,
    `INSERT INTO request_categories (city_id, code, name, urgency, responsible_department_id, supervising_department_id, position)
     SELECT '${cityId}', v.code, v.name, v.urgency, r.id, s.id, v.position
     FROM (VALUES ${categories.join(', ')}) AS v(code, name, urgency, responsible, supervising, position)
     LEFT JOIN departments r ON r.city_id = '${cityId}' AND r.name = v.responsible
     LEFT JOIN departments s ON s.city_id = '${cityId}' AND s.name = v.supervising
     ON CONFLICT DO NOTHING`,
    `WITH cat AS (
       SELECT (row_number() OVER (ORDER BY cat.position) - 1)::int AS n, cat.code, cat.responsible_department_id,
              ${hours('response')} AS response_h, ${hours('resolution')} AS resolution_h
       FROM request_categories cat WHERE cat.city_id = '${cityId}'
     ), base AS (
       SELECT gen_random_uuid() AS id, c.id AS community_id, abs(hashtext(c.id || ':' || k))::bigint AS h,
              '${start}'::timestamptz + (abs(hashtext(c.id || ':' || k || ':at')) % ${minutes}) * interval '1 minute' AS received_at
       FROM (VALUES ${communityIds.map((id) => `('${id}')`).join(',')}) AS c(id), generate_series(1, ${requestsPerCommunity(shape)}) AS k
     ), drawn AS (
       SELECT b.*, cat.code, cat.responsible_department_id, cat.response_h, cat.resolution_h,
              CASE WHEN b.h % 100 < 3 THEN 'RETURNED' WHEN b.h % 100 < 9 THEN 'DISPATCHED' WHEN b.h % 100 < 17 THEN 'ACCEPTED'
                   WHEN b.h % 100 < 25 THEN 'REPLIED' WHEN b.h % 100 < 30 THEN 'REOPENED' ELSE 'CLOSED' END AS status,
              (b.h / 100) % 10 = 0 AS responded_late, (b.h / 1000) % 7 = 0 AS resolved_late, (b.h / 10000) % 100 AS satisfaction_draw
       FROM base b JOIN cat ON cat.n = (b.h / 1000000) % ${DEMO_CATEGORIES.length}
     ), timed AS (
       SELECT d.*,
              CASE WHEN d.status IN ('DISPATCHED', 'RETURNED') THEN NULL
                   ELSE d.received_at + d.response_h * interval '1 hour' * CASE WHEN d.responded_late THEN 1.5 ELSE 0.4 END END AS responded_at,
              d.received_at + d.resolution_h * interval '1 hour' * CASE WHEN d.resolved_late THEN 1.2 ELSE 0.5 END AS answered_at
       FROM drawn d
     )
     INSERT INTO requests (id, city_id, community_id, category_code, description, channel, status, street_id, department_id,
                           received_at, dispatched_at, response_deadline, resolution_deadline, responded_at, replied_at, closed_at, reply,
                           return_count, reopen_count, callback_resolved, callback_satisfaction, callback_at, callback_count, resolved_callbacks,
                           satisfied_callbacks, filed_by, idempotency_key, fingerprint)
     SELECT t.id, '${cityId}', t.community_id, t.code, '生成的诉求', 'HOTLINE', t.status,
            CASE WHEN t.responsible_department_id IS NULL THEN left(t.community_id, 9) END, t.responsible_department_id,
            t.received_at, t.received_at, t.received_at + t.response_h * interval '1 hour',
            CASE WHEN t.status = 'REOPENED' THEN t.answered_at + interval '1 day' + t.resolution_h * interval '1 hour'
                 ELSE t.received_at + t.resolution_h * interval '1 hour' END,
            t.responded_at,
            CASE WHEN t.status IN ('REPLIED', 'CLOSED') THEN t.answered_at END,
            CASE WHEN t.status = 'CLOSED' THEN t.answered_at + interval '1 day' END,
            CASE WHEN t.status IN ('REPLIED', 'CLOSED', 'REOPENED') THEN '已处理。' END,
            CASE WHEN t.status = 'RETURNED' THEN 1 ELSE 0 END, CASE WHEN t.status = 'REOPENED' THEN 1 ELSE 0 END,
            CASE WHEN t.status = 'CLOSED' THEN true WHEN t.status = 'REOPENED' THEN false END,
            CASE WHEN t.status = 'REOPENED' THEN 'DISSATISFIED' WHEN t.status <> 'CLOSED' THEN NULL
                 WHEN t.satisfaction_draw < 70 THEN 'SATISFIED' WHEN t.satisfaction_draw < 90 THEN 'BASICALLY_SATISFIED' ELSE 'DISSATISFIED' END,
            CASE WHEN t.status IN ('CLOSED', 'REOPENED') THEN t.answered_at + interval '1 day' END,
            CASE WHEN t.status IN ('CLOSED', 'REOPENED') THEN 1 ELSE 0 END, CASE WHEN t.status = 'CLOSED' THEN 1 ELSE 0 END,
            CASE WHEN t.status = 'CLOSED' AND t.satisfaction_draw < 90 THEN 1 ELSE 0 END,
            'generator', t.id::text, 'generated'
     FROM timed t`,
    // What the scheduler would have marked by now: open requests whose deadline passed unmet.
    `UPDATE requests SET overdue = true
     WHERE city_id = '${cityId}' AND status NOT IN ('CLOSED', 'REPLIED')
       AND ((responded_at IS NULL AND response_deadline < now()) OR resolution_deadline < now())`,
    `INSERT INTO request_dispatches (request_id, street_id, department_id, dispatched_at, by)
     SELECT id, street_id, department_id, dispatched_at, filed_by FROM requests WHERE city_id = '${cityId}'`,
    `INSERT INTO request_callbacks (request_id, resolved, satisfaction, note, at, by)
     SELECT id, callback_resolved, callback_satisfaction, NULL, callback_at, 'generator' FROM requests WHERE city_id = '${cityId}' AND callback_at IS NOT NULL`,
    `INSERT INTO request_history (request_id, status, at, by, note)
     SELECT request_id, status, at, 'generator', 'generated' FROM (
       SELECT id AS request_id, 'DISPATCHED' AS status, dispatched_at AS at, 0 AS step FROM requests WHERE city_id = '${cityId}'
       UNION ALL SELECT id, 'RETURNED', dispatched_at + interval '30 minutes', 1 FROM requests WHERE city_id = '${cityId}' AND status = 'RETURNED'
       UNION ALL SELECT id, 'ACCEPTED', responded_at, 2 FROM requests WHERE city_id = '${cityId}' AND responded_at IS NOT NULL
       UNION ALL SELECT id, 'REPLIED', coalesce(replied_at, callback_at - interval '1 day'), 3 FROM requests WHERE city_id = '${cityId}' AND (callback_at IS NOT NULL OR status = 'REPLIED')
       UNION ALL SELECT id, status, callback_at, 4 FROM requests WHERE city_id = '${cityId}' AND status IN ('CLOSED', 'REOPENED')
     ) AS steps ORDER BY request_id, step`,
    `INSERT INTO summons (request_id, department_id, note, summoned_by, summoned_at, report_deadline, reported_at, report_note)
     SELECT r.id, cat.supervising_department_id, '请到场会商。', 'STREET_OFFICER:' || r.street_id || ':generator', r.responded_at + interval '1 hour',
            r.responded_at + interval '25 hours',
            CASE WHEN abs(hashtext(r.id::text)) % 10 = 0 THEN NULL ELSE r.responded_at + interval '4 hours' END,
            CASE WHEN abs(hashtext(r.id::text)) % 10 = 0 THEN NULL ELSE '已到场。' END
     FROM requests r JOIN request_categories cat ON cat.city_id = r.city_id AND cat.code = r.category_code
     WHERE r.city_id = '${cityId}' AND r.street_id IS NOT NULL AND r.responded_at IS NOT NULL AND abs(hashtext(r.id::text || ':whistle')) % 20 = 0`,
  ];
}

/** Loads a month of requests for the generated city, then has the figures kept as requests move computed once from them. */
export async function generateRequests(shape: CityShape, month: string, exec: Exec): Promise<number> {
  for (const statement of requestMonthSql(shape, month)) await exec(statement);
  // One text, so one transaction: the rebuild locks the requests while it reads them.
  await exec(['BEGIN', ...REBUILD_REQUEST_STATS_SQL, 'COMMIT'].join(';\n'));
  return regionCodes(shape).communityIds.length * requestsPerCommunity(shape);
}
