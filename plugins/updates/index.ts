import type { Config } from 'payload'

// Being built: signed manifests, downloads, retention (see issue "Update distribution").
export const updatesPlugin = (_options: Record<string, unknown> = {}) => (config: Config): Config => config
