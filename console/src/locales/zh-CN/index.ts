import { common } from './common.js';
import { community } from './community.js';
import { council } from './council.js';
import { dashboard } from './dashboard.js';
import { exports } from './exports.js';
import { floors } from './floors.js';
import { grid } from './grid.js';
import { groupBuys } from './groupBuys.js';
import { household } from './household.js';
import { ide } from './ide.js';
import { policies } from './policies.js';
import { ranking } from './ranking.js';
import { readiness } from './readiness.js';
import { requests } from './requests.js';
import { sharing } from './sharing.js';
import { signIn } from './signIn.js';

/** Every zh-CN string, by area: the default language, the fallback, and the shape en-US mirrors. */
export const zhCN = { common, signIn, dashboard, policies, ide, exports, community, floors, household, groupBuys, requests, ranking, readiness, council, sharing, grid };
