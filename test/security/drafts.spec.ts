import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Release } from '../../payload-types'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createRelease } from '../helpers/fixtures'
import { serveGraphql, type GraphqlClient } from '../helpers/graphqlClient'
import { servePayloadApi, type HttpClient } from '../helpers/httpClient'
import { createTwoCompanies, type TwoCompanies } from './twoCompanies'

// Customers see published content only: never a newer draft of a published release, never a
// release that was only saved as a draft, never the material of an unreleased version.
let booted: TestPayload
let api: HttpClient
let gql: GraphqlClient
let world: TwoCompanies
let withDraft: Release
let neverPublished: Release

const publishedSummary = 'Faster topology view'
const draftSummary = 'DRAFT: remote wipe, not announced'
const unreleasedSummary = 'UNRELEASED: 8.0 preview'
const unreleasedChangelog = 'UNRELEASED changelog'

const expectNoDraft = (text: string, label: string) => {
  for (const secret of [draftSummary, unreleasedSummary, unreleasedChangelog])
    expect(text.includes(secret), `${label} shows "${secret}"`).toBe(false)
}

beforeAll(async () => {
  booted = await bootPayload()
  api = await servePayloadApi(booted)
  gql = await serveGraphql(booted)
  world = await createTwoCompanies(booted.payload, api)
  const { payload } = booted
  withDraft = await createRelease(payload, {
    product: world.promonitor,
    version: '7.4.0',
    summary: publishedSummary,
  })
  await payload.update({
    collection: 'releases',
    id: withDraft.id,
    draft: true,
    data: { summary: draftSummary },
  })
  // Saved as a draft with our `status` already set: only Payload's `_status` says it is
  // unpublished.
  neverPublished = await payload.create({
    collection: 'releases',
    draft: true,
    data: {
      product: world.promonitor.id,
      line: 'v7',
      version: '8.0.0',
      channel: 'stable',
      status: 'published',
      rolloutPercent: 100,
      summary: unreleasedSummary,
      _status: 'draft',
    },
  })
  await payload.create({
    collection: 'changelogs',
    data: {
      title: unreleasedChangelog,
      release: neverPublished.id,
      entries: [{ kind: 'added', text: 'Remote wipe' }],
    },
  })
  await payload.create({
    collection: 'video-teasers',
    data: {
      title: unreleasedChangelog,
      release: neverPublished.id,
      url: 'https://videos.example/8.0',
    },
  })
  await payload.create({
    collection: 'doc-links',
    data: {
      title: unreleasedChangelog,
      kind: 'doc',
      release: neverPublished.id,
      url: 'https://docs.example/8.0',
    },
  })
  await payload.create({
    collection: 'changelogs',
    data: {
      title: '7.4.0 changes',
      release: withDraft.id,
      entries: [{ kind: 'changed', text: 'Topology' }],
    },
  })
  await payload.create({
    collection: 'doc-links',
    data: { title: 'Install guide', kind: 'doc', url: 'https://docs.example/install' },
  })
})

afterAll(async () => {
  await gql?.close()
  await api?.close()
  await booted?.shutdown()
})

describe('a customer asking for drafts over REST', () => {
  it('gets the published version of a release that has a newer draft, by id with ?draft=true', async () => {
    const answer = await api.get(`/api/releases/${withDraft.id}?draft=true`, world.as.alice)
    expect(answer.status).toBe(200)
    expect(answer.json().summary).toBe(publishedSummary)
    expectNoDraft(answer.bytes.toString(), 'by id')
  })

  it('never gets a draft in a list with ?draft=true', async () => {
    const answer = await api.get('/api/releases?draft=true&limit=100', world.as.alice)
    expect(answer.status).toBe(200)
    expectNoDraft(answer.bytes.toString(), 'list')
    const plain = await api.get('/api/releases?limit=100', world.as.alice)
    expect(
      plain
        .json()
        .docs.map((release: Release) => release.version)
        .sort(),
    ).toEqual(['7.3.0', '7.4.0'])
  })

  it('does not see a release that was only ever saved as a draft, with or without ?draft=true', async () => {
    for (const query of ['', '?draft=true']) {
      const answer = await api.get(`/api/releases/${neverPublished.id}${query}`, world.as.alice)
      expect(answer.status, query).toBe(404)
      expectNoDraft(answer.bytes.toString(), `never published${query}`)
    }
  })

  it('is refused the versions of a release', async () => {
    const versions = await booted.payload.findVersions({
      collection: 'releases',
      where: { parent: { equals: withDraft.id } },
    })
    expect(versions.docs.length).toBeGreaterThan(1)
    const list = await api.get('/api/releases/versions', world.as.alice)
    expect(list.status).toBe(403)
    expectNoDraft(list.bytes.toString(), 'versions')
    const one = await api.get(`/api/releases/versions/${versions.docs[0].id}`, world.as.alice)
    expect(one.status).toBe(403)
    expectNoDraft(one.bytes.toString(), 'one version')
  })

  it('does not see the changelog, teaser or doc link of an unreleased version, but those of published ones', async () => {
    for (const collection of ['changelogs', 'video-teasers', 'doc-links']) {
      const answer = await api.get(`/api/${collection}?depth=1&draft=true`, world.as.alice)
      expect(answer.status, collection).toBe(200)
      expectNoDraft(answer.bytes.toString(), collection)
    }
    const changelogs = await api.get('/api/changelogs', world.as.alice)
    expect(changelogs.json().docs.map((changelog: { title: string }) => changelog.title)).toEqual([
      '7.4.0 changes',
    ])
    const docLinks = await api.get('/api/doc-links', world.as.alice)
    expect(docLinks.json().docs.map((link: { title: string }) => link.title)).toEqual([
      'Install guide',
    ])
  })
})

describe('a customer asking for drafts over GraphQL', () => {
  it('gets published content only with draft: true, in a list and by id', async () => {
    const answer = await gql.query(
      `query ($id: Int!, $never: Int!) {
        Releases(draft: true) { docs { version summary } }
        Release(id: $id, draft: true) { summary }
        never: Release(id: $never, draft: true) { summary }
        Changelogs(draft: true) { docs { title } }
      }`,
      world.as.alice,
      { id: withDraft.id, never: neverPublished.id },
    )
    expectNoDraft(answer.text, 'GraphQL')
    expect(answer.data?.Release?.summary).toBe(publishedSummary)
    expect(answer.data?.never).toBeNull()
  })

  it('is refused the versions query', async () => {
    const answer = await gql.query(
      '{ versionsReleases { docs { version { summary } } } }',
      world.as.alice,
    )
    expect(answer.errors?.[0]?.extensions?.statusCode).toBe(403)
    expectNoDraft(answer.text, 'GraphQL versions')
  })
})

describe('staff', () => {
  it('an editor reads the newer draft and the versions; a release manager the unreleased material', async () => {
    const draft = await api.get(`/api/releases/${withDraft.id}?draft=true`, world.as.editor)
    expect(draft.json().summary).toBe(draftSummary)
    expect((await api.get('/api/releases/versions', world.as.editor)).status).toBe(200)
    const changelogs = await api.get('/api/changelogs', world.as['release-manager'])
    expect(changelogs.json().docs.map((changelog: { title: string }) => changelog.title)).toContain(
      unreleasedChangelog,
    )
  })

  it('support, who ships nothing, is refused the versions', async () => {
    expect((await api.get('/api/releases/versions', world.as.support)).status).toBe(403)
  })
})
