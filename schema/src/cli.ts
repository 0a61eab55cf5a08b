import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { committedSupergraph, composeSupergraph, SUPERGRAPH_FILE } from './compose.js';

// `npm run compose` writes schema/supergraph.graphql; with --check it only says whether the file is current.
const check = process.argv.includes('--check');
const path = fileURLToPath(SUPERGRAPH_FILE);
try {
  const fresh = composeSupergraph();
  if (check) {
    if (!existsSync(path) || committedSupergraph() !== fresh) {
      console.error(`${path} differs from a fresh composition: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log('supergraph.graphql is current.');
  } else {
    writeFileSync(path, fresh);
    console.log(`Composed ${path}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
