import { runSubgraph } from '@cgov/shared';
import { loadConfig } from './config.js';
import { communitySubgraph } from './server.js';

runSubgraph(communitySubgraph, () => loadConfig(process.env));
