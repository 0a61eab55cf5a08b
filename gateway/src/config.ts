import { loadGatewayConfig } from '@cgov/shared';

/** The gateway's configuration, read from the environment once. */
export const loadConfig = (env: Record<string, string | undefined>) => loadGatewayConfig(env);
