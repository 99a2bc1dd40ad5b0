import type { Config } from 'payload'

// Being built: reseller API keys, trials and packs (see issue "Trust chain and licensing").
export const resellersPlugin = (_options: Record<string, unknown> = {}) => (config: Config): Config => config
