// `npm run token -- --role ROLE --scope ID [--sub USER] [--expires 12h]`: prints a development token.
import { parseArgs } from 'node:util';
import { jwtSecret, ROLES, signToken, type Role } from '@cgov/shared';

const usage = `Usage: npm run token -- --role ROLE --scope ID [--sub USER] [--expires 12h]
  ROLE is one of ${ROLES.join(', ')}.
  ID is a city, street or community code, or a party member, compound or household id, by role.`;

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      scope: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const role = values.role?.toUpperCase();
  if (!role || !ROLES.includes(role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
  if (!values.scope) throw new Error('--scope is required.');
  const token = await signToken(
    { sub: values.sub ?? `dev-${role.toLowerCase()}`, role: role as Role, scope: values.scope },
    jwtSecret(process.env),
    values.expires,
  );
  console.log(token);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
  process.exit(2);
}
