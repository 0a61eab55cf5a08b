import { REFRESH_COVERAGE_SQL } from './coverage.js';
import { REBUILD_DAILY_STATS_SQL } from './dailyStats.js';
import { REBUILD_READINESS_HOUSEHOLDS_SQL, REFRESH_READINESS_SQL } from './readiness.js';

/**
 * What data loaded in bulk (a generated city for tests and the benchmark) runs once afterwards: the
 * coverage of every building, the daily statistics and each community's readiness (its households), which the service otherwise keeps as it goes.
 */
export const AFTER_BULK_LOAD_SQL = [REFRESH_COVERAGE_SQL, ...REBUILD_DAILY_STATS_SQL, REBUILD_READINESS_HOUSEHOLDS_SQL, REFRESH_READINESS_SQL];
