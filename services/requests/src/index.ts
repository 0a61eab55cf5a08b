import { runSubgraph } from '@cgov/shared';
import { loadConfig } from './config.js';
import { requestsSubgraph } from './server.js';

runSubgraph(requestsSubgraph, () => loadConfig(process.env));
