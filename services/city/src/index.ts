import { runSubgraph } from '@cgov/shared';
import { loadConfig } from './config.js';
import { citySubgraph } from './server.js';

runSubgraph(citySubgraph, () => loadConfig(process.env));
