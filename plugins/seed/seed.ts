import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import { activateLicense, appActor } from '../licensing'
import { recordUsage } from '../metering'

import { defaultTemplates } from '../../collections/EmailTemplates/defaultTemplates'
import type { EmailTemplateKey } from '../../collections/EmailTemplates/templateKeys'
import { addDays } from '../../src/lib/time'
import { seedProducts, seedReleases } from './catalogue'
import {
  demoCustomerPassword,
  seedCompanies,
  seedReseller,
  seedStaff,
  type SeedLicense,
} from './people'
import { paragraphs, paragraphWithLink } from './richText'
import { seededArtifactPackage } from './seededArtifactPackage'
import { applySupportHistory, pullAndRestore } from './seedHistory'
import type { User } from '../../payload-types'

/** A seeded license, as the seed's closing lines show it to a newcomer. */
export type SeededLicense = {
  company: string
  product: string
  line: string
  type: string
  state: string
  key: string
}

const stateOf = (license: SeedLicense): string => {
  if (license.status === 'suspended') return 'suspended'
  if (license.expiresInDays === undefined) return 'active, no expiry'
  return license.expiresInDays < 0
    ? `expired ${-license.expiresInDays} days ago`
    : `active, ${license.expiresInDays} days left`
}

/**
 * Fills an empty database with a living demo: catalogue, releases, companies, licenses, staff.
 * Returns the licenses it made, so the keys can be shown to whoever started it.
 */
export const seed = async (
  payload: Payload,
  { adminPassword }: { adminPassword: string },
): Promise<SeededLicense[]> => {
  const now = new Date()
  // Nothing here reads what create answers beyond ids: depth 0 saves populating every relationship.
  const create: Payload['create'] = (args) => payload.create({ depth: 0, ...args } as never)

  // Each password costs a pbkdf2 hash (~0.1 s here), run off the main thread: hash them side by
  // side.
  const staff = await Promise.all(
    seedStaff.map((user) =>
      create({ collection: 'users', data: { ...user, password: adminPassword } }),
    ),
  )
  const staffWithRole = (role: User['roles'][number]) =>
    staff.find((user) => user.roles.includes(role))!

  for (const [key, template] of Object.entries(defaultTemplates)) {
    await create({
      collection: 'email-templates',
      data: { ...template, key: key as EmailTemplateKey },
    })
  }

  const productIds: Record<string, number> = {}
  for (const product of seedProducts) {
    const created = await create({
      collection: 'products',
      data: {
        ...product,
        lines: [...product.lines],
        platforms: [...product.platforms],
        modules: [...product.modules],
      },
    })
    productIds[product.slug] = created.id
  }

  for (const release of seedReleases) {
    const product = seedProducts.find((candidate) => candidate.slug === release.product)!
    const label = `${product.name} ${release.version}`
    const releasedAt = addDays(now, -release.daysAgo).toISOString()
    // Notes, changelog, teaser and docs first, so the release is created with its links (a release
    // update costs a version row and a sequence check), then they are pointed back at it.
    const changelog = await create({
      collection: 'changelogs',
      data: { title: `${label} changelog`, entries: release.changes },
    })
    const docs = await Promise.all([
      create({
        collection: 'doc-links',
        data: {
          title: `${label} installation guide`,
          url: `https://docs.promonitor.example/${release.product}/${release.line}/install`,
          kind: 'doc',
          product: productIds[release.product],
        },
      }),
      create({
        collection: 'doc-links',
        data: {
          title: `${label} upgrade notes (wiki)`,
          url: `https://wiki.promonitor.example/${release.product}/${release.version}`,
          kind: 'wiki',
          product: productIds[release.product],
        },
      }),
    ])
    const teaser = await create({
      collection: 'video-teasers',
      data: {
        title: `What's new in ${label}`,
        url: `https://videos.promonitor.example/${release.product}-${release.version}.mp4`,
        description: release.summary,
        product: productIds[release.product],
      },
    })
    const created = await create({
      collection: 'releases',
      data: {
        product: productIds[release.product],
        line: release.line,
        version: release.version,
        channel: release.channel,
        // Written as a draft, published once its artifacts are up: two versions in its history.
        status: 'draft',
        _status: 'draft',
        releasedAt,
        critical: release.critical ?? false,
        minimumUpgradeFrom: release.minimumUpgradeFrom,
        rolloutPercent: release.rolloutPercent ?? 100,
        requires: release.requires,
        summary: release.summary,
        notes: paragraphs(
          release.summary,
          `${label} is a ${release.channel} release of the ${release.line.toUpperCase()} line.`,
        ),
        changelog: changelog.id,
        videoTeaser: teaser.id,
        docLinks: docs.map((doc) => doc.id),
      },
    })
    await Promise.all([
      payload.update({
        collection: 'changelogs',
        id: changelog.id,
        data: { release: created.id },
        depth: 0,
      }),
      payload.update({
        collection: 'video-teasers',
        id: teaser.id,
        data: { release: created.id },
        depth: 0,
      }),
      payload.update({
        collection: 'doc-links',
        where: { id: { in: docs.map((doc) => doc.id) } },
        data: { release: created.id },
        depth: 0,
      }),
    ])
    for (const platform of product.platforms) {
      const data = await seededArtifactPackage(release.product, release.version, platform)
      await create({
        collection: 'artifacts',
        data: { release: created.id, platform },
        file: {
          data,
          mimetype: 'application/gzip',
          name: `${release.product}-${release.version}-${platform}.tar.gz`,
          size: data.length,
        },
      })
    }
    await payload.update({
      collection: 'releases',
      id: created.id,
      data: { status: 'published', _status: 'published' },
      depth: 0,
    })
    if (release.pulledAndRestored)
      await pullAndRestore(payload, {
        releaseId: created.id,
        manager: staffWithRole('release-manager'),
      })
  }

  const seededLicenses: SeededLicense[] = []
  // Accounts are hashed while the licenses are made (see the staff above).
  const accounts: Array<Promise<unknown>> = []
  for (const company of seedCompanies) {
    const customer = await create({
      collection: 'customers',
      data: { name: company.name, contacts: company.contacts },
    })
    accounts.push(
      ...company.accounts.map((email) =>
        create({
          collection: 'customer-users',
          data: {
            email,
            password: demoCustomerPassword,
            customers: [customer.id],
            name: company.contacts[0]?.name,
          },
        }),
      ),
    )
    for (const license of company.licenses) {
      const created = await create({
        collection: 'licenses',
        data: {
          customer: customer.id,
          product: productIds[license.product],
          line: license.line,
          type: license.type,
          // Suspended, extended: done after, as support does it (see applySupportHistory).
          status: 'active',
          startsAt: addDays(now, license.startsInDays).toISOString(),
          expiresAt:
            license.expiresInDays === undefined
              ? null
              : addDays(now, license.expiresInDays - (license.extendedBy ?? 0)).toISOString(),
          maxClients: license.maxClients,
          maxUsers: license.maxUsers,
          modules: license.modules,
          credits: license.credits,
          notes: license.notes,
        },
      })
      await applySupportHistory(payload, {
        licenseId: created.id,
        license,
        support: staffWithRole('support'),
      })
      seededLicenses.push({
        company: company.name,
        product: license.product,
        line: license.line,
        type: license.type,
        state: stateOf(license),
        key: created.key!,
      })
      // Through the real activation path, so seats, history and limit counts are what apps would
      // leave.
      for (const machine of license.machines ?? []) {
        const fingerprint = createHash('sha256').update(machine.hostname).digest('hex')
        await activateLicense(
          payload,
          created.key!,
          {
            fingerprint,
            hostname: machine.hostname,
            role: machine.role,
            appVersion: license.line === 'v6' ? '6.9.2' : '7.3.0',
          },
          appActor(fingerprint, machine.hostname),
        )
      }
      // Through the real metering path too, so the usage chart and records are what apps leave.
      if (license.usage && license.machines?.[0]) {
        const { days, creditsPerDay } = license.usage
        const fingerprint = createHash('sha256').update(license.machines[0].hostname).digest('hex')
        const uses = Array.from({ length: days }, (_, index) => ({
          quantity: creditsPerDay,
          idempotencyKey: `seed-use-${index}`,
          occurredAt: addDays(now, index - days + 0.5),
        }))
        await recordUsage(payload, { key: created.key!, fingerprint, uses, receivedAt: now })
      }
    }
  }

  await Promise.all(accounts)

  await create({
    collection: 'resellers',
    data: {
      ...seedReseller,
      allowedTypes: [...seedReseller.allowedTypes],
      allowedProducts: [productIds.promonitor],
      enableAPIKey: true,
      apiKey: 'demo-reseller-api-key-2026',
    },
  })

  await create({
    collection: 'faqs',
    data: {
      question: 'Where do I enter my license key?',
      topic: 'licensing',
      order: 10,
      answer: paragraphs(
        'Open Settings › License in ProMonitor and paste the key, or paste the license file in the offline box when the server has no internet access.',
      ),
    },
  })
  const manualInstallWiki = 'https://wiki.promonitor.example/licensing/install-manually'
  await create({
    collection: 'doc-links',
    data: {
      title: 'Installing a license manually (wiki)',
      url: manualInstallWiki,
      kind: 'wiki',
      product: productIds.promonitor,
    },
  })
  const manualInstall = paragraphs(
    'On a server without internet access, install the license file by hand: in the portal, open the license, choose the installation and download its license file (.lic), or copy the text between the BEGIN and END LICENSE FILE lines.',
    'In ProMonitor, open Settings › License › Offline, paste the text or upload the .lic file, and save. The app verifies the signature before it accepts the file; refresh it online before it expires.',
  )
  manualInstall.root.children.push(
    paragraphWithLink(
      'Screenshots, step by step: ',
      'the wiki page',
      manualInstallWiki,
      '.',
    ) as never,
  )
  await create({
    collection: 'faqs',
    data: {
      question: 'How do I install a license manually (offline)?',
      topic: 'licensing',
      order: 15,
      answer: manualInstall,
    },
  })
  await create({
    collection: 'faqs',
    data: {
      question: 'How do I move a license to a new server?',
      topic: 'licensing',
      order: 20,
      answer: paragraphs(
        'Deactivate it on the old server (Settings › License › Release this machine), then activate it on the new one.',
      ),
    },
  })
  await create({
    collection: 'faqs',
    data: {
      question: 'Can I install an update without internet access?',
      topic: 'updates',
      order: 30,
      answer: paragraphs(
        'Yes: download the offline bundle from the portal and upload it in Settings › Updates › Upload update. It is verified before it installs.',
      ),
    },
  })
  await create({
    collection: 'faqs',
    data: {
      question: 'Which collector version do I need?',
      topic: 'install',
      order: 40,
      answer: paragraphs(
        'Each release lists what it requires; the app updates its collectors first.',
      ),
    },
  })
  return seededLicenses
}
