// Child process of the bench: boots Payload on the bench database, seeds the demo data,
// uploads the big artifact as a release manager, and prints what the scenarios need as JSON.
import { createWriteStream } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { once } from 'node:events'

import { getPayload, type Payload } from 'payload'

import { seedIfEmpty } from '../plugins/seed'
import { env } from '../src/env'
import type { PreparedData } from './preparedData'

const artifactMegabytes = Number(process.argv[2] || 200)
const workDir = process.argv[3]
if (!workDir) throw new Error('usage: prepare.ts <artifactMegabytes> <workDir>')

const single = async <T>(what: string, find: () => Promise<{ docs: T[] }>): Promise<T> => {
  const { docs } = await find()
  if (docs.length === 0)
    throw new Error(`Bench data: no ${what} in the seeded database (has the demo seed changed?)`)
  return docs[0]
}

const writeArtifactFile = async (file: string, megabytes: number): Promise<void> => {
  const out = createWriteStream(file)
  const block = randomBytes(1024 * 1024)
  for (let index = 0; index < megabytes; index += 1) {
    block.writeUInt32BE(index, 0)
    if (!out.write(Buffer.from(block))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const prepare = async (payload: Payload): Promise<PreparedData> => {
  const promonitor = await single('product promonitor', () =>
    payload.find({ collection: 'products', where: { slug: { equals: 'promonitor' } }, limit: 1 }),
  )
  const acme = await single('customer Acme Industrial', () =>
    payload.find({
      collection: 'customers',
      where: { name: { equals: 'Acme Industrial' } },
      limit: 1,
    }),
  )
  const license = await single('active ProMonitor V7 subscription of Acme', () =>
    payload.find({
      collection: 'licenses',
      where: {
        customer: { equals: acme.id },
        product: { equals: promonitor.id },
        line: { equals: 'v7' },
        status: { equals: 'active' },
      },
      limit: 1,
      overrideAccess: true,
    }),
  )
  const release = await single('ProMonitor 7.2.0 release', () =>
    payload.find({
      collection: 'releases',
      where: { product: { equals: promonitor.id }, version: { equals: '7.2.0' } },
      limit: 1,
    }),
  )
  const releaseManager = await single('release manager', () =>
    payload.find({
      collection: 'users',
      where: { email: { equals: 'releases@example.com' } },
      limit: 1,
    }),
  )
  const user = { ...releaseManager, collection: 'users' as const }

  // The seeded linux-x64 file of 7.2.0 makes way for the big one, uploaded as staff would.
  await payload.delete({
    collection: 'artifacts',
    where: { release: { equals: release.id }, platform: { equals: 'linux-x64' } },
    user,
    overrideAccess: false,
  })
  const file = path.join(workDir, `promonitor-7.2.0-linux-x64-${artifactMegabytes}mb.bin`)
  await writeArtifactFile(file, artifactMegabytes)
  const artifact = await payload.create({
    collection: 'artifacts',
    data: { release: release.id, platform: 'linux-x64' },
    filePath: file,
    user,
    overrideAccess: false,
  })
  if (!artifact.sha256 || !artifact.size || !artifact.filename)
    throw new Error('Bench data: the uploaded artifact has no sha256/size/filename')

  return {
    licenseKey: license.key as string,
    artifact: {
      id: artifact.id,
      sha256: artifact.sha256,
      size: artifact.size,
      storedFile: path.join(process.env.MEDIA_DIR!, 'artifacts', artifact.filename),
    },
  }
}

// Seeded explicitly after boot (run.ts starts this with SEED_ON_INIT=false), so the data is in
// place before `prepare` reads it whatever the seed-on-init setting of the hosts.
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
try {
  await seedIfEmpty(payload, { adminPassword: env.seedAdminPassword, publicUrl: env.publicUrl })
  const prepared = await prepare(payload)
  process.stdout.write(`\nPREPARED ${JSON.stringify(prepared)}\n`)
  await payload.destroy()
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
