// `npm run token -- --role ROLE --scope ID [--sub USER] [--expires 12h]`: prints a development token.
import { parseArgs } from 'node:util';
import { DEVELOPMENT_TOKEN_LIFETIME, jwtSecret, mintDevelopmentToken, ROLES } from '@cgov/shared';

const usage = `Usage: npm run token -- --role ROLE --scope ID [--sub USER] [--expires 12h]
  ROLE is one of ${ROLES.join(', ')}.
  ID is what the role acts in (a token with any other shape is refused by every service):
    CITY_OFFICIAL, ANALYST   a city's 4-digit division code        (4201)
    STREET_OFFICER           a street's 9-digit division code      (420102001)
    COMMUNITY_STAFF          a community's 12-digit division code  (420102001001)
    PARTY_MEMBER             the party member's id (a UUID)
    OWNER_COMMITTEE          the compound's id (a UUID)
    RESIDENT                 the household's id (a UUID)
  The README lists the demo's ids.`;

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      scope: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: DEVELOPMENT_TOKEN_LIFETIME },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.role) throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
  if (!values.scope) throw new Error('--scope is required.');
  const { token } = await mintDevelopmentToken(
    { role: values.role, scope: values.scope, sub: values.sub, expiresIn: values.expires },
    jwtSecret(process.env),
  ).catch((error: Error) => {
    // Its messages name the argument ("role must be …", "scope: …"): here they are the options.
    throw new Error(`--${error.message}`);
  });
  console.log(token);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
  process.exit(2);
}
