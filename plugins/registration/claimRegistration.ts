import type { Payload } from 'payload'

import { customerCollectionSlug } from '../../collections/access/roles'
import { drizzleFor, eq, tableOf } from '../../src/database/database'
import { signIn } from '../signIn'
import { RegistrationError } from './registrationError'
import { accountOf, companyOf, isClaimed, linkUsed } from './registrationState'
import { readRegistrationToken, type RegistrationGrant } from './registrationToken'

export type RegistrationClaimed = {
  account: { id: number | string; email: string }
  company: { id: number | string; name: string }
  /** The email had no account and one was made with the chosen password. */
  accountCreated: boolean
  /**
   * A Payload session for the account (what its login returns), for the caller to set as the auth
   * cookie.
   */
  session: { token: string; expiresAt?: number }
}

type Id = number | string
const idOf = (value: unknown): Id =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id)

/**
 * Uses the token: one insert of its id into `registration-claims`, which the unique index lets
 * exactly one of any number of racing claims make. Throws `LINK_USED` for the others.
 */
const consume = async (payload: Payload, grant: RegistrationGrant): Promise<void> => {
  const license =
    grant.license !== undefined &&
    (await payload.count({ collection: 'licenses', where: { id: { equals: grant.license } } }))
      .totalDocs > 0
      ? grant.license
      : null
  const now = new Date().toISOString()
  const table = tableOf(payload, 'registration-claims')
  const inserted = await (
    await drizzleFor(payload)
  )
    .insert(table)
    .values({
      tokenId: grant.tokenId,
      email: grant.email,
      customer: grant.customer,
      license,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: table.id })
  if (inserted.length === 0) throw linkUsed()
}

/** Gives a consumed token back, when the claim it was for failed before it changed anything. */
const release = async (payload: Payload, grant: RegistrationGrant): Promise<void> => {
  const table = tableOf(payload, 'registration-claims')
  await (await drizzleFor(payload)).delete(table).where(eq(table.tokenId, grant.tokenId))
}

const recordAccount = (payload: Payload, grant: RegistrationGrant, account: Id) =>
  payload.update({
    collection: 'registration-claims',
    where: { tokenId: { equals: grant.tokenId } },
    data: { account: account as number },
    depth: 0,
  })

/**
 * A Payload error by its shape: in the Next build, code bundled in another layer may throw its
 * own copy of Payload's error classes (minified names too), so `instanceof` cannot tell them.
 */
const payloadError = (error: unknown) =>
  error as {
    status?: number
    message?: string
    data?: { errors?: Array<{ path?: string; message: string }> } | null
  }

const logIn = async (
  payload: Payload,
  email: string,
  password: string,
  headers: Headers,
): Promise<RegistrationClaimed['session']> => {
  let answer
  try {
    answer = await signIn(payload, { collection: customerCollectionSlug, email, password, headers })
  } catch (error) {
    const { status, message } = payloadError(error)
    // Past a sign-in budget (a stranger trying passwords from this address): the page says when to
    // try again.
    if (status === 429)
      throw new RegistrationError(
        'TOO_MANY_SIGN_INS',
        message ??
          'Too many failed sign-ins from this address. Try again later, or reset your password.',
      )
    if (status !== 401) throw error
    throw new RegistrationError(
      'WRONG_PASSWORD',
      `That is not the password of the account ${email}.`,
    )
  }
  if (!answer.token) throw new Error('Payload returned no session token')
  return { token: answer.token, expiresAt: answer.exp }
}

/**
 * Adds the company to the account's companies. Payload writes a hasMany relationship whole, so a
 * claim racing another for the same account could drop the other's company: read back, and add
 * again until the company is there.
 */
const linkCompany = async (payload: Payload, accountId: Id, companyId: Id): Promise<void> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const account = await payload.findByID({
      collection: customerCollectionSlug,
      id: accountId,
      depth: 0,
      select: { customers: true },
    })
    const companies = (account.customers ?? []).map(idOf)
    if (companies.some((id) => String(id) === String(companyId))) return
    await payload.update({
      collection: customerCollectionSlug,
      id: accountId,
      data: { customers: [...companies, companyId] as number[] },
      depth: 0,
    })
  }
  throw new Error(`Could not add company ${companyId} to account ${accountId}`)
}

/**
 * Claims a register link (the token from a trial or license mail) as its mailbox owner:
 * - the email has no account: makes one with `password` (Payload's password rules), linked to the
 *   link's company;
 * - the email has an account: `password` must be its password; the company is added to it.
 * Either way the link is used up and the account is signed in. An invalid, expired or used link,
 * a wrong or rejected password: a `RegistrationError`, and nothing changed.
 */
export const claimRegistration = async (
  payload: Payload,
  {
    token,
    password,
    headers = new Headers(),
  }: {
    token: string
    password: string
    /** The request's, so sign-in limits know the client address. */ headers?: Headers
  },
): Promise<RegistrationClaimed> => {
  const grant = await readRegistrationToken(payload, token)
  const company = await companyOf(payload, grant)
  if (await isClaimed(payload, grant)) throw linkUsed()

  const existing = await accountOf(payload, grant.email)
  if (existing) {
    // The token first, so a claim that lost the race never logs in: Payload's login writes the
    // whole account back (to add its session), which would undo the winner's link. A wrong
    // password gives the token back.
    await consume(payload, grant)
    let session: RegistrationClaimed['session']
    try {
      session = await logIn(payload, grant.email, password, headers)
    } catch (error) {
      await release(payload, grant)
      throw error
    }
    await linkCompany(payload, existing.id, company.id)
    await recordAccount(payload, grant, existing.id)
    return {
      account: { id: existing.id, email: existing.email },
      company,
      accountCreated: false,
      session,
    }
  }

  await consume(payload, grant)
  let account
  try {
    account = await payload.create({
      collection: customerCollectionSlug,
      data: { email: grant.email, password, customers: [company.id as number] },
      depth: 0,
    })
  } catch (error) {
    await release(payload, grant)
    const problems =
      payloadError(error).status === 400 ? (payloadError(error).data?.errors ?? []) : []
    if (problems.some((problem) => problem.path === 'password')) {
      throw new RegistrationError(
        'PASSWORD_REJECTED',
        problems.map((problem) => problem.message).join(' '),
      )
    }
    // An account for this email was made meanwhile (another link of the same mailbox): ask again.
    if (await accountOf(payload, grant.email))
      return claimRegistration(payload, { token, password, headers })
    throw error
  }
  await recordAccount(payload, grant, account.id)
  return {
    account: { id: account.id, email: account.email },
    company,
    accountCreated: true,
    session: await logIn(payload, grant.email, password, headers),
  }
}
