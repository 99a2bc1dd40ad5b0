import type { Config } from 'payload'

import { timePattern } from '../../src/lib/time'

import { withDisplayFormats } from './withDisplayFormats'

/**
 * One date format in the admin: `3 Dec 2026` for a day, `3 Dec 2026, 14:05 GMT+0` for an instant
 * (Payload draws them in the browser, in its time zone). `admin.dateFormat` covers the dates
 * Payload adds (created, updated) and the list cells; each date field of every collection and
 * global already in the config gets the same format for its cell and its picker. Goes after the
 * plugins that add collections.
 */
export const dateFormatPlugin =
  () =>
  (config: Config): Config => ({
    ...config,
    admin: { ...config.admin, dateFormat: config.admin?.dateFormat ?? timePattern },
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      fields: withDisplayFormats(collection.fields),
    })),
    globals: (config.globals ?? []).map((global) => ({
      ...global,
      fields: withDisplayFormats(global.fields),
    })),
  })
