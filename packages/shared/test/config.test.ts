import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET } from '../src/auth.js';
import { ENVIRONMENT_VARIABLES, loadGatewayConfig, loadSubgraphConfig } from '../src/config.js';
import { describeStorage } from '../src/subgraph.js';

describe('configuration', () => {
  it('defaults to the contract’s ports, embedded storage and the development secret', () => {
    const config = loadSubgraphConfig('community', {});
    expect(config.port).toBe(4002);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data[/\\]community$/);
    expect(config.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadGatewayConfig({}).apolloTelemetry).toBe(false);
    expect(loadGatewayConfig({}).subgraphUrls).toEqual({
      city: 'http://localhost:4001/graphql',
      community: 'http://localhost:4002/graphql',
      selforg: 'http://localhost:4003/graphql',
      requests: 'http://localhost:4004/graphql',
    });
  });

  it('switches a subgraph to a server with its own URL variable, and follows the port variables', () => {
    const config = loadSubgraphConfig('city', { CITY_DATABASE_URL: 'postgres://db/city', CITY_PORT: '5001' });
    expect(config.databaseUrl).toBe('postgres://db/city');
    expect(config.port).toBe(5001);
    expect(loadGatewayConfig({ CITY_PORT: '5001', PORT: '8080' })).toMatchObject({
      port: 8080,
      subgraphUrls: { city: 'http://localhost:5001/graphql' },
    });
  });

  it('refuses to start in production without AUTH_JWT_SECRET', () => {
    expect(() => loadSubgraphConfig('city', { NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET must be set/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET must be set/);
    const strong = 'a-production-secret-of-32-bytes!';
    expect(loadSubgraphConfig('city', { NODE_ENV: 'production', AUTH_JWT_SECRET: strong }).jwtSecret).toBe(strong);
  });

  it('refuses in production the published development secret and any secret under 32 bytes', () => {
    for (const load of [(env: Record<string, string>) => loadSubgraphConfig('community', env), loadGatewayConfig]) {
      expect(() => load({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/published development secret/);
      expect(() => load({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x' })).toThrow(/has 1 bytes; at least 32/);
      expect(() => load({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's3cret-for-prod' })).toThrow(/has 15 bytes; at least 32/);
      expect(() => load({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a'.repeat(31) })).toThrow(/has 31 bytes/);
      // Bytes, not characters: 11 three-byte characters are 33 bytes.
      expect(load({ NODE_ENV: 'production', AUTH_JWT_SECRET: '社'.repeat(11) }).jwtSecret).toBe('社'.repeat(11));
    }
    // Outside production a short secret is the developer's choice.
    expect(loadSubgraphConfig('city', { AUTH_JWT_SECRET: 'x' }).jwtSecret).toBe('x');
  });

  it('lists every gateway variable it reads, and reads the result shaping mode', () => {
    for (const variable of ['GATEWAY_WORKERS', 'GATEWAY_RESPONSE_CACHE_MB', 'GATEWAY_SUBGRAPH_TIMEOUT_MS', 'GATEWAY_RESULT_SHAPING', 'SUPERGRAPH_PATH']) {
      expect(ENVIRONMENT_VARIABLES).toContain(variable);
    }
    expect(loadGatewayConfig({}).resultShaping).toBe('compiled');
    expect(loadGatewayConfig({ GATEWAY_RESULT_SHAPING: 'apollo' }).resultShaping).toBe('apollo');
    expect(() => loadGatewayConfig({ GATEWAY_RESULT_SHAPING: 'fast' })).toThrow(/GATEWAY_RESULT_SHAPING/);
  });

  it('says which variable is wrong', () => {
    expect(() => loadSubgraphConfig('city', { CITY_DATABASE_URL: 'mysql://x' })).toThrow(/CITY_DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadSubgraphConfig('selforg', { SELFORG_PORT: 'abc' })).toThrow(/SELFORG_PORT/);
  });

  it('says where each subgraph keeps its data, as the start banner shows it: the server without its password, or the folder', () => {
    const env = {
      DATA_DIR: '/var/lib/cgov',
      CITY_DATABASE_URL: 'postgres://cgov:s3cret@db.internal:5432/city',
      COMMUNITY_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/community',
    };
    expect(describeStorage(loadSubgraphConfig('city', env))).toBe('PostgreSQL server postgres://cgov@db.internal:5432/city');
    expect(describeStorage(loadSubgraphConfig('community', env))).toBe('PostgreSQL server postgres://postgres@127.0.0.1:5432/community');
    expect(describeStorage(loadSubgraphConfig('selforg', env))).toMatch(/^embedded PostgreSQL \(PGlite\) in \/var\/lib\/cgov[/\\]selforg$/);
  });
});
