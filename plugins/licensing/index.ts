import type { Config } from 'payload'

// Being built: license files, validate, activate, history (see issue "Trust chain and licensing").
export const licensingPlugin = (_options: Record<string, unknown> = {}) => (config: Config): Config => config
