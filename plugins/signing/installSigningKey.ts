import type { Payload } from 'payload'

import { SignedKind } from '../../src/lib/protocol'
import { and, drizzleFor, eq, tableOf } from '../../src/database/database'
import { setActiveSigningKey } from './activeSigningKeys'
import { forgetPublicKeySet } from './publicKeySet'
import { signWithKey } from './signJws'
import type { SigningKey } from './signingKey'

type KnownKey = { kid: string; status: 'active' | 'retired' }

const knownKeys = async (payload: Payload): Promise<KnownKey[]> => {
  const { docs } = await payload.find({
    collection: 'signing-keys',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { kid: true, status: true },
  })
  return docs.map((doc) => ({ kid: doc.kid, status: doc.status }))
}

/** Inserts a key's public row; does nothing when another instance inserted it first. */
const publish = async (
  payload: Payload,
  key: SigningKey,
  status: KnownKey['status'],
  statement: string | null,
): Promise<void> => {
  const table = tableOf(payload, 'signing-keys')
  const now = new Date().toISOString()
  const database = await drizzleFor(payload)
  await database
    .insert(table)
    .values({
      kid: key.kid,
      publicJwk: key.publicJwk,
      status,
      statement,
      retiredAt: status === 'retired' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
}

const retire = async (payload: Payload, kid: string): Promise<void> => {
  const table = tableOf(payload, 'signing-keys')
  const now = new Date().toISOString()
  const database = await drizzleFor(payload)
  await database
    .update(table)
    .set({ status: 'retired', retiredAt: now, updatedAt: now })
    .where(and(eq(table.kid, kid), eq(table.status, 'active')))
}

/**
 * The statement "`announced` is trusted", signed by `signer` (what the SDK's TrustStore accepts).
 */
export const signKeyStatement = (signer: SigningKey, announced: SigningKey): string =>
  signWithKey(signer, SignedKind.key, {
    kid: announced.kid,
    jwk: announced.publicJwk,
    iat: Math.floor(Date.now() / 1000),
  })

/**
 * Makes `key` the key this instance signs with, publishing it first when it is new:
 * - the first key of an empty key set is published as is (apps pin it);
 * - a new key replacing the active one must come with that `previous` key, which signs the
 *   statement "new kid is trusted" and is then retired; without it boot stops, because apps that
 *   trust only the old key could never move to the new one;
 * - a retired key is refused: retired keys never sign again.
 * Idempotent and safe when several instances boot with the same keys at once.
 */
export const installSigningKey = async (
  payload: Payload,
  key: SigningKey,
  previous?: SigningKey,
): Promise<void> => {
  const known = await knownKeys(payload)
  const existing = known.find((candidate) => candidate.kid === key.kid)
  if (existing?.status === 'retired') {
    throw new Error(
      `Signing key ${key.kid} is retired and never signs again; configure the current key (SIGNING_PRIVATE_JWK)`,
    )
  }
  if (!existing) {
    const active = known.filter((candidate) => candidate.status === 'active')
    if (known.length === 0 && !previous) {
      await publish(payload, key, 'active', null)
    } else if (!previous) {
      throw new Error(
        `Signing key ${key.kid} is new but ${active.map((candidate) => candidate.kid).join(', ') || 'a retired key'} signed until now: ` +
          'set SIGNING_PREVIOUS_PRIVATE_JWK to the key it replaces, so apps that trust the old key accept the new one.',
      )
    } else {
      const previousRow = known.find((candidate) => candidate.kid === previous.kid)
      if (previousRow?.status === 'retired') {
        throw new Error(
          `The previous signing key ${previous.kid} is retired and cannot vouch for ${key.kid}`,
        )
      }
      if (!previousRow && known.length > 0) {
        throw new Error(
          `The previous signing key ${previous.kid} is unknown here; the active key is ${active.map((candidate) => candidate.kid).join(', ')}`,
        )
      }
      if (!previousRow) await publish(payload, previous, 'active', null)
      await publish(payload, key, 'active', signKeyStatement(previous, key))
      await retire(payload, previous.kid)
    }
  }
  setActiveSigningKey(payload, key)
  forgetPublicKeySet(payload)
}
