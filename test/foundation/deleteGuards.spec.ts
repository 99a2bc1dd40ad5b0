import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getManifest } from '../../plugins/updates'
import { bootPayload, type TestPayload } from '../helpers/bootPayload'
import { createCustomer, createLicense, createProduct, createRelease } from '../helpers/fixtures'
import { loginHeaders, rest } from '../helpers/rest'

type ErrorAnswer = {
  errors: Array<{ message: string; data?: { code: string; references: string[] } }>
}

let booted: TestPayload
let admin: Record<string, string>

const deleteVia = (collection: string, id: number) =>
  rest<ErrorAnswer>(booted, 'DELETE', `/api/${collection}/${id}`, { headers: admin })

const stillThere = async (collection: 'products' | 'customers', id: number) =>
  (await booted.payload.find({ collection, where: { id: { equals: id } }, depth: 0 })).totalDocs ===
  1

beforeAll(async () => {
  booted = await bootPayload()
  await booted.payload.create({
    collection: 'users',
    data: { email: 'admin@hub.test', password: 'admin-password-1', roles: ['admin'] },
  })
  admin = await loginHeaders(booted, 'users', 'admin@hub.test', 'admin-password-1')
})

afterAll(async () => {
  await booted?.shutdown()
})

describe('deleting what other records need', () => {
  it('refuses a product with licenses or releases (409 IN_USE, saying what holds it) and changes nothing', async () => {
    const product = await createProduct(booted.payload, 'cockpit')
    const customer = await createCustomer(booted.payload, 'Acme')
    await createLicense(booted.payload, { customer, product })
    await createRelease(booted.payload, { product, version: '7.0.0', status: 'draft' })

    const refused = await deleteVia('products', product.id)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe(
      'This product cannot be deleted: it has 1 license and 1 release',
    )
    expect(refused.body.errors[0].data?.code).toBe('IN_USE')
    expect(await stillThere('products', product.id)).toBe(true)
  })

  it('refuses a customer with licenses, and deletes one without', async () => {
    const product = await createProduct(booted.payload, 'collector')
    const licensed = await createCustomer(booted.payload, 'Globex')
    await createLicense(booted.payload, { customer: licensed, product })
    const refused = await deleteVia('customers', licensed.id)
    expect([refused.status, refused.body.errors[0].data?.code]).toEqual([409, 'IN_USE'])
    expect(await stillThere('customers', licensed.id)).toBe(true)

    const prospect = await createCustomer(booted.payload, 'Initech')
    expect((await deleteVia('customers', prospect.id)).status).toBe(200)
    expect(await stillThere('customers', prospect.id)).toBe(false)
  })

  it('keeps a product that ever shipped, even with its releases gone; deletes one that never did, with its cached empty manifests', async () => {
    const shipped = await createProduct(booted.payload, 'promonitor')
    const release = await createRelease(booted.payload, { product: shipped, version: '7.1.0' })
    expect((await deleteVia('releases', release.id)).status).toBe(200)
    const refused = await deleteVia('products', shipped.id)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/update channels that apps follow/)
    expect(await stillThere('products', shipped.id)).toBe(true)

    const unused = await createProduct(booted.payload, 'sandbox')
    const emptyManifest = await getManifest(booted.payload, {
      product: 'sandbox',
      line: 'v7',
      channel: 'stable',
      platform: 'linux-x64',
    })
    expect(emptyManifest.manifest.releases).toEqual([])
    expect((await deleteVia('products', unused.id)).status).toBe(200)
    expect(await stillThere('products', unused.id)).toBe(false)
  })
})
