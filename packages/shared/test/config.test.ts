import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET } from '../src/auth.js';
import { loadGatewayConfig, loadSubgraphConfig } from '../src/config.js';

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
    expect(loadSubgraphConfig('city', { NODE_ENV: 'production', AUTH_JWT_SECRET: 's3cret-for-prod' }).jwtSecret).toBe('s3cret-for-prod');
  });

  it('says which variable is wrong', () => {
    expect(() => loadSubgraphConfig('city', { CITY_DATABASE_URL: 'mysql://x' })).toThrow(/CITY_DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadSubgraphConfig('selforg', { SELFORG_PORT: 'abc' })).toThrow(/SELFORG_PORT/);
  });
});
