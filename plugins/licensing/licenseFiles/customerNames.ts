import type { Payload } from 'payload'

/** License files carry the customer's name; it rarely changes, so it is cached for a minute. */
const cacheMs = 60_000
const cache = new WeakMap<Payload, Map<string, { name: Promise<string>; loadedAt: number }>>()

export const customerName = async (payload: Payload, id: number | string): Promise<string> => {
  let names = cache.get(payload)
  if (!names) cache.set(payload, (names = new Map()))
  const cached = names.get(String(id))
  if (cached && Date.now() - cached.loadedAt < cacheMs) return cached.name
  if (names.size > 10_000) names.clear()
  const name = payload
    .findByID({
      collection: 'customers',
      id,
      depth: 0,
      select: { name: true },
      disableErrors: true,
    })
    .then((customer) => customer?.name ?? '')
  names.set(String(id), { name, loadedAt: Date.now() })
  name.catch(() => names.delete(String(id)))
  return name
}
