import { readFileSync } from 'node:fs'

import type { CollectionSlug, FlattenedField, GlobalSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dayPattern, timePattern } from '../../src/lib/time'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'

/** The sidebar groups by job; licenses and releases are set with their own collections. */
const groups: Record<string, Array<CollectionSlug | GlobalSlug>> = {
  Content: ['changelogs', 'video-teasers', 'doc-links', 'faqs', 'media'],
  Releases: ['products', 'artifacts', 'release-events', 'update-channels', 'signed-manifests'],
  'Customers & licenses': [
    'customers',
    'customer-users',
    'activations',
    'license-events',
    'usage-records',
    'trial-requests',
    'resellers',
    'registration-claims',
  ],
  Mail: ['email-templates', 'outbox'],
  System: ['users', 'signing-keys', 'scheduled-runs', 'sign-in-failures', 'alert-settings'],
}

describe('the admin as staff see it: branding, sidebar groups, labels, one date format', () => {
  let booted: TestPayload
  beforeAll(async () => {
    booted = await bootPayload({ VENDOR_NAME: 'Acme Monitoring' })
  })
  afterAll(async () => booted?.shutdown())

  const fieldOf = (slug: CollectionSlug, name: string): FlattenedField => {
    const field = booted.config.collections
      .find((collection) => collection.slug === slug)
      ?.flattenedFields.find((candidate) => candidate.name === name)
    if (!field) throw new Error(`No field ${slug}.${name}`)
    return field
  }

  it('names the hub and the vendor from VENDOR_NAME in the tab title, the login logo and the nav icon', () => {
    const { admin } = booted.config
    expect(admin.meta.title).toBe('Acme Monitoring License & Update Hub')
    expect(admin.meta.titleSuffix).toBe(' · Acme Monitoring License & Update Hub')
    for (const graphic of [admin.components.graphics?.Logo, admin.components.graphics?.Icon])
      expect(graphic).toMatchObject({ clientProps: { vendorName: 'Acme Monitoring' } })
    expect(admin.avatar).toBe('default')
  })

  it('points the favicon at our own SVG mark, served from public/', () => {
    expect(booted.config.admin.meta.icons).toEqual([
      { rel: 'icon', type: 'image/svg+xml', url: '/hub-mark.svg' },
    ])
    expect(readFileSync('public/hub-mark.svg', 'utf8')).toMatch(
      /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    )
  })

  it('puts every collection and global in the group of the job it serves', () => {
    const groupOf = new Map<string, unknown>(
      [...booted.config.collections, ...booted.config.globals].map((entity) => [
        entity.slug,
        entity.admin.group,
      ]),
    )
    for (const [group, slugs] of Object.entries(groups))
      for (const slug of slugs) expect({ slug, group: groupOf.get(slug) }).toEqual({ slug, group })
  })

  it('labels FAQs, video teasers, doc links and email templates as staff write them', () => {
    const labelsOf = (slug: CollectionSlug) =>
      booted.config.collections.find((collection) => collection.slug === slug)?.labels
    expect(labelsOf('faqs')).toEqual({ singular: 'FAQ', plural: 'FAQs' })
    expect(labelsOf('video-teasers')).toEqual({ singular: 'Video teaser', plural: 'Video teasers' })
    expect(labelsOf('doc-links')).toEqual({ singular: 'Doc link', plural: 'Doc links' })
    expect(labelsOf('email-templates')).toEqual({
      singular: 'Email template',
      plural: 'Email templates',
    })
  })

  it('writes dates one way: the admin default, day pickers and pickers with a time', () => {
    expect(booted.config.admin.dateFormat).toBe(timePattern)
    const displayFormatOf = (slug: CollectionSlug, name: string) =>
      (fieldOf(slug, name) as { admin?: { date?: { displayFormat?: string } } }).admin?.date
        ?.displayFormat
    expect(displayFormatOf('licenses', 'expiresAt')).toBe(dayPattern)
    expect(displayFormatOf('activations', 'activatedAt')).toBe(dayPattern)
    expect(displayFormatOf('scheduled-runs', 'startedAt')).toBe(timePattern)
    expect(displayFormatOf('usage-records', 'occurredAt')).toBe(timePattern)
  })
})
