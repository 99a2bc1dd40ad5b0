import { z } from 'zod'

// Query fields the manifest and offline bundle endpoints share.

export const productSlug = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,40}$/, 'a product slug such as promonitor')
  .meta({ examples: ['promonitor'] })

export const lineName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a line such as v7')
  .meta({ examples: ['v7'] })

export const platformName = z
  .string()
  .regex(/^[a-z0-9]+-[a-z0-9_]+$/, 'a platform such as linux-x64')
  .max(60)
  .meta({ examples: ['linux-x64'] })
