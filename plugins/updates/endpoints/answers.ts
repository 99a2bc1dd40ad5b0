import { z } from 'zod'

import type { UpdateManifest } from '../../../src/lib/protocol'
import { releaseChannels } from '../../../collections/Releases'

// What the update endpoints answer, as zod schemas: the OpenAPI document is generated from them.

const nullableText = z.string().nullable()

const manifestRelease = z.object({
  version: z.string(),
  releasedAt: z.iso.datetime(),
  critical: z.boolean(),
  minimumUpgradeFrom: nullableText.meta({
    description:
      'Installs older than this cannot upgrade unattended (a migration step needs a person)',
  }),
  rolloutPercent: z.number().min(0).max(100),
  requires: z
    .record(z.string(), z.string())
    .optional()
    .meta({ examples: [{ collector: '>=7.3.0' }] }),
  notesUrl: nullableText,
  summary: nullableText,
  artifact: z.object({
    id: z.string(),
    url: z.string(),
    sha256: z.string().meta({ description: 'Lowercase hex SHA-256 of the bytes' }),
    size: z.number().int().meta({ description: 'Exact length in bytes' }),
  }),
})

export const updateManifest = z.object({
  product: z.string(),
  line: z.string(),
  channel: z.string().meta({ examples: [...releaseChannels] }),
  platform: z.string(),
  sequence: z.number().int().min(0).meta({
    description:
      'Grows with every change of the channel, pulls included; an app never accepts a lower one',
  }),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  releases: z.array(manifestRelease).max(10).meta({ description: 'Newest first' }),
  pulled: z.array(
    z.object({
      version: z.string(),
      rollbackTo: nullableText.meta({
        description: 'Where installs of the pulled version go back to',
      }),
    }),
  ),
  offline: z
    .boolean()
    .optional()
    .meta({ description: 'Set on the manifest inside an offline bundle' }),
})

// The schema and the protocol's type describe the same object: this fails to compile if they part.
const sameShape: [UpdateManifest, z.output<typeof updateManifest>] extends [
  z.output<typeof updateManifest>,
  UpdateManifest,
]
  ? true
  : never = true
void sameShape

export const manifestAnswer = updateManifest.extend({
  signed: z
    .string()
    .meta({ description: 'Compact JWS (`typ: manifest+jws`) of the manifest fields' }),
})

export const downloadLinkAnswer = z.object({ url: z.string(), expiresAt: z.iso.datetime() })
