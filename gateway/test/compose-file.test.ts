// docker-compose.yml cannot run here (no Docker engine): this reads it against the code instead.
import { existsSync, readFileSync } from 'node:fs';
import { ENVIRONMENT_VARIABLES, loadGatewayConfig, loadSubgraphConfig, SUBGRAPH_NAMES, SUBGRAPHS } from '@cgov/shared';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { command?: string[]; environment?: Record<string, string>; ports?: string[]; expose?: string[]; depends_on?: Record<string, unknown>; build?: string; healthcheck?: { test: string[] } }
  >;
};
const initSql = readFileSync(new URL('docker/postgres-init.sql', root), 'utf8');
/** The environment as a container would see it, with AUTH_JWT_SECRET supplied as the file demands. */
const envOf = (service: string) =>
  Object.fromEntries(
    Object.entries(compose.services[service]?.environment ?? {}).map(([key, value]) => [
      key,
      value.startsWith('${AUTH_JWT_SECRET') ? 'a-production-secret-of-at-least-32-bytes' : value,
    ]),
  );

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, the four subgraphs and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['city', 'community', 'gateway', 'postgres', 'requests', 'selforg']);
  });

  it('names only environment variables the code reads', () => {
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
      for (const variable of Object.keys(compose.services[name]?.environment ?? {})) {
        expect(ENVIRONMENT_VARIABLES, `${name}: ${variable}`).toContain(variable);
      }
    }
  });

  it.each(SUBGRAPH_NAMES)('gives the %s subgraph its port (not published), its own database and a production secret', (name) => {
    const service = compose.services[name]!;
    const config = loadSubgraphConfig(name, envOf(name));
    expect(config.port).toBe(SUBGRAPHS[name].port);
    // Reached by the gateway inside the compose network, never published on the host.
    expect(service.ports).toBeUndefined();
    expect(service.expose).toEqual([String(config.port)]);
    expect(config.production).toBe(true);
    expect(service.environment?.AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?/);
    const database = new URL(config.databaseUrl!);
    expect(database.hostname).toBe('postgres');
    expect(database.pathname).toBe(`/${name}`);
    expect(initSql).toContain(`CREATE DATABASE ${name};`);
    expect(service.command).toEqual(['node', `services/${name}/dist/index.js`]);
    expect(existsSync(new URL(`services/${name}/src/index.ts`, root))).toBe(true);
    expect(service.depends_on).toHaveProperty('postgres');
    // Healthy once its own /health answers, on its own port.
    expect(service.healthcheck?.test.join(' ')).toContain(`http://localhost:${config.port}/health`);
  });

  it('lets each subgraph reach the API it asks by its compose name', () => {
    expect(loadSubgraphConfig('community', envOf('community')).subgraphUrls.city).toBe('http://city:4001/graphql');
    expect(compose.services.community?.depends_on).toHaveProperty('city');
    expect(loadSubgraphConfig('selforg', envOf('selforg')).subgraphUrls.community).toBe('http://community:4002/graphql');
    expect(compose.services.selforg?.depends_on).toHaveProperty('community');
    expect(loadSubgraphConfig('requests', envOf('requests')).subgraphUrls.community).toBe('http://community:4002/graphql');
    expect(compose.services.requests?.depends_on).toHaveProperty('community');
    expect(loadSubgraphConfig('requests', envOf('requests')).subgraphUrls.city).toBe('http://city:4001/graphql');
    expect(compose.services.requests?.depends_on).toHaveProperty('city');
  });

  it('points the gateway at each subgraph by its compose name and port', () => {
    const config = loadGatewayConfig(envOf('gateway'));
    expect(config.port).toBe(4000);
    expect(compose.services.gateway?.ports).toEqual(['4000:4000']);
    expect(config.subgraphUrls).toEqual(
      Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${name}:${SUBGRAPHS[name].port}/graphql`])),
    );
    expect(Object.keys(compose.services.gateway?.depends_on ?? {}).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    expect(compose.services.gateway?.command).toEqual(['node', 'gateway/dist/index.js']);
    expect(compose.services.gateway?.healthcheck?.test.join(' ')).toContain('http://localhost:4000/health');
  });

  it('builds the image the services run from the repository’s Dockerfile', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/turbo run build/);
    // The console is built with the rest (turbo runs @cgov/console's `vite build`), and the image is refused without it.
    expect(dockerfile).toMatch(/test -f console\/dist\/index\.html/);
    for (const name of SUBGRAPH_NAMES) expect(compose.services[name]?.build).toBe('.');
  });
});
