import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from './errors.js';

/** The header in which the gateway (or a subgraph asking another) proves that a request comes from our own services. */
export const INTERNAL_CREDENTIAL_HEADER = 'x-internal-credential';

/** The root fields of federation's own protocol, for our own services only: the subgraph's full SDL and entity lookups. */
export const INTERNAL_ONLY_FIELDS: ReadonlySet<string> = new Set(['_service', '_entities']);

/** The internal credential (text and bytes) by secret, computed once per process: a service holds one secret (tests a few). */
const credentials = new Map<string, { text: string; bytes: Buffer }>();

function credentialFor(jwtSecret: string): { text: string; bytes: Buffer } {
  let credential = credentials.get(jwtSecret);
  if (!credential) {
    const text = createHmac('sha256', jwtSecret).update('cgov internal credential v1').digest('base64url');
    credential = { text, bytes: Buffer.from(text) };
    credentials.set(jwtSecret, credential);
  }
  return credential;
}

/**
 * Our services' credential towards a subgraph: HMAC-SHA256 of a fixed label keyed with the token secret
 * (AUTH_JWT_SECRET), base64url. Every service already holds that secret; a client holding only a token
 * cannot compute it, and seeing the credential reveals nothing of the secret. Computed once per secret.
 */
export function internalCredential(jwtSecret: string): string {
  return credentialFor(jwtSecret).text;
}

/** True when `presented` (a header value, perhaps absent) is the internal credential; compared in constant time (the HMAC is computed once per secret). */
export function isInternalCredential(presented: string | null | undefined, jwtSecret: string): boolean {
  if (!presented) return false;
  const expected = credentialFor(jwtSecret).bytes;
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The names of the fields an operation asks at its root, through fragments and inline fragments. */
export function rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode): Set<string> {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment: FragmentDefinitionNode | undefined = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return names;
}

/**
 * A subgraph plugin: `_service` and `_entities` are answered only to a request carrying the internal
 * credential (the gateway's); anyone else, whatever their token, is refused FORBIDDEN (HTTP 403) before anything runs.
 */
export function internalOnlyFields<TContext extends BaseContext>(jwtSecret: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const asked = [...rootFieldNames(operation.selectionSet, document)].filter((name) => INTERNAL_ONLY_FIELDS.has(name));
          if (asked.length === 0 || isInternalCredential(request.http?.headers.get(INTERNAL_CREDENTIAL_HEADER), jwtSecret)) return;
          throw new GraphQLError(`${asked.join(' and ')} ${asked.length > 1 ? 'are' : 'is'} answered to the gateway only; send your query to the gateway.`, {
            extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
          });
        },
      };
    },
  };
}
