import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_SCHEMA_FILE, apiSchemaOf, committedApiSchema, committedSupergraph, composeSupergraph, SUPERGRAPH_FILE } from './compose.js';

// `npm run compose` writes schema/supergraph.graphql and schema/api.graphql (what clients see); with --check it only
// says whether both files are current.
const check = process.argv.includes('--check');
const path = fileURLToPath(SUPERGRAPH_FILE);
const apiPath = fileURLToPath(API_SCHEMA_FILE);
try {
  const fresh = composeSupergraph();
  const api = apiSchemaOf(fresh);
  if (check) {
    if (!existsSync(path) || committedSupergraph() !== fresh || committedApiSchema() !== api) {
      console.error(`${path} or ${apiPath} differs from a fresh composition: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log('supergraph.graphql and api.graphql are current.');
  } else {
    writeFileSync(path, fresh);
    writeFileSync(apiPath, api);
    console.log(`Composed ${path} and ${apiPath}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
