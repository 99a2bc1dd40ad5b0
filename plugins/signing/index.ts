import type { Config } from 'payload'

// Being built: Ed25519 signing keys, JWKS, rotation (see issue "Trust chain and licensing").
export const signingPlugin = (_options: Record<string, unknown> = {}) => (config: Config): Config => config
