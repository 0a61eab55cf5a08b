import { runSubgraph } from '@cgov/shared';
import { loadConfig } from './config.js';
import { selforgSubgraph } from './server.js';

runSubgraph(selforgSubgraph, () => loadConfig(process.env));
