import { SignedKind } from '../../sdk'
import { type AgentContext, nowOf } from '../context'
import { AgentError } from '../errors'
import { relayRecordOf } from '../relay/leases'
import { readConfig, readState, updateState } from '../state/stateFolder'
import { acceptActivation, installationOf, type LicenseAnswer } from './checkLicense'
import { callServer, newNonce, refusalOf, serverConfigOf } from './licenseServer'
import { emptyLicenseRecord, recordLicense } from './licenseRecord'
import { seal, unseal } from './sealedSecrets'
import { verifyAnswer } from './verifyLicense'

/** How long the API key of a login waits, sealed, for the company to be chosen. */
const loginLifetimeMs = 15 * 60 * 1000

const apiKeyHeader = (apiKey: string) => ({ authorization: `customer-users API-Key ${apiKey}` })

const assertApiKey = (apiKey: unknown): string => {
  if (typeof apiKey !== 'string' || apiKey.trim() === '' || apiKey.length > 512)
    throw new AgentError('BAD_REQUEST', 'Give the customer account API key (--api-key K)')
  return apiKey.trim()
}

/**
 * `license login --api-key K` (a master: Cockpit or V6): the companies of that customer account.
 * The key is kept sealed, only until a company is chosen (and 15 minutes at most).
 */
export const loginMaster = async (context: AgentContext, apiKey: string) => {
  const key = assertApiKey(apiKey)
  const config = serverConfigOf(await readConfig(context.stateDir), 'the master login')
  const answer = await callServer(config.server, 'GET', '/api/v1/app/companies', {
    headers: apiKeyHeader(key),
  })
  if (answer.status !== 200) throw refusalOf(answer, 'The login')
  const companies = Array.isArray(answer.body.companies)
    ? (answer.body.companies as Array<{ id: string | number; name: string }>).map(
        ({ id, name }) => ({ id, name }),
      )
    : []
  const sealedApiKey = await seal(context.stateDir, key)
  await recordLicense(context, (record) => {
    record.masterLogin = { sealedApiKey, companies, at: nowOf(context).toISOString() }
  })
  return { companies }
}

/**
 * `license choose --company ID`: activates this machine under that company's license of the app's
 * product and line (`POST /api/v1/app/license`); the API key is forgotten once it is done. A
 * company the account is not linked to is refused (`FORBIDDEN`).
 */
export const chooseCompany = async (
  context: AgentContext,
  company: string | number,
  apiKey?: string,
): Promise<LicenseAnswer> => {
  if ((typeof company !== 'string' && typeof company !== 'number') || String(company).trim() === '')
    throw new AgentError('BAD_REQUEST', 'Give the company (--company ID)')
  const config = serverConfigOf(await readConfig(context.stateDir), 'the company choice')
  const state = await readState(context.stateDir)
  const login = { ...emptyLicenseRecord(), ...state.license }.masterLogin
  let key: string
  if (apiKey !== undefined) key = assertApiKey(apiKey)
  else if (login && Date.parse(login.at) + loginLifetimeMs > nowOf(context).getTime())
    key = await unseal(context.stateDir, login.sealedApiKey)
  else throw new AgentError('LOGIN_REQUIRED', 'Log in first: license login --api-key K')
  const nonce = newNonce()
  const answer = await callServer(config.server, 'POST', '/api/v1/app/license', {
    headers: apiKeyHeader(key),
    body: {
      company: typeof company === 'string' && /^\d+$/.test(company) ? Number(company) : company,
      product: config.app.product,
      line: config.app.line,
      ...installationOf(config, state),
      nonce,
    },
  })
  if (answer.status !== 200) throw refusalOf(answer, 'The company choice')
  const fields = await verifyAnswer(config, answer.body, SignedKind.activation, nonce)
  return acceptActivation(context, config, state, fields, 'choose')
}

/** A license the master lends seats of to its nodes besides its own (key sealed). */
export type NodeLicense = {
  licenseId: string
  product: string
  line: string
  sealedKey: string
  loadedAt: string
}

/**
 * `relay load-license --product P [--line L] [--company ID]` (a master): the company's best license
 * of that product and line (`POST /api/v1/app/license-key`, with the login's API key or
 * `--api-key`), kept with its key sealed so the relay lends its seats to collectors or slaves of
 * another line. No seat is taken here; each node's lease activates its own fingerprint. The
 * company defaults to the one of the master's own license. Run it between `license login` and
 * `license choose` (which forgets the API key), or give `--api-key`.
 */
export const loadNodeLicense = async (
  context: AgentContext,
  {
    product,
    line,
    company,
    apiKey,
  }: { product: string; line?: string; company?: string | number; apiKey?: string },
): Promise<Omit<NodeLicense, 'sealedKey'>> => {
  if (typeof product !== 'string' || !/^[a-z0-9-]{1,128}$/i.test(product))
    throw new AgentError('BAD_REQUEST', 'Give the product of the nodes (--product P)')
  const config = serverConfigOf(await readConfig(context.stateDir), 'loading a license')
  const state = await readState(context.stateDir)
  const login = { ...emptyLicenseRecord(), ...state.license }.masterLogin
  let key: string
  if (apiKey !== undefined) key = assertApiKey(apiKey)
  else if (login && Date.parse(login.at) + loginLifetimeMs > nowOf(context).getTime())
    key = await unseal(context.stateDir, login.sealedApiKey)
  else
    throw new AgentError(
      'LOGIN_REQUIRED',
      'Log in first (license login --api-key K), or give --api-key',
    )
  const companyId = company ?? state.license?.license?.customer?.id
  if (companyId === undefined || String(companyId).trim() === '')
    throw new AgentError('BAD_REQUEST', 'Give the company (--company ID)')
  const answer = await callServer(config.server, 'POST', '/api/v1/app/license-key', {
    headers: apiKeyHeader(key),
    body: {
      company:
        typeof companyId === 'string' && /^\d+$/.test(companyId) ? Number(companyId) : companyId,
      product,
      ...(line ? { line } : {}),
      fingerprint: installationOf(config, state).fingerprint,
    },
  })
  if (answer.status !== 200) throw refusalOf(answer, 'Loading the license')
  if (answer.body.code !== 'FOUND' || typeof answer.body.key !== 'string')
    throw new AgentError(
      String(answer.body.code ?? 'NOT_FOUND'),
      `The company has no license of ${product}${line ? ` ${line}` : ''}`,
    )
  const loaded: NodeLicense = {
    licenseId: String(answer.body.licenseId),
    product: String(answer.body.product),
    line: String(answer.body.line),
    sealedKey: await seal(context.stateDir, answer.body.key),
    loadedAt: nowOf(context).toISOString(),
  }
  await updateState(context.stateDir, (current) => {
    const relay = relayRecordOf(current)
    relay.nodeLicenses = [
      ...relay.nodeLicenses.filter(
        (held) =>
          held.product !== loaded.product || held.line.toLowerCase() !== loaded.line.toLowerCase(),
      ),
      loaded,
    ]
  })
  const { sealedKey: _sealed, ...shown } = loaded
  return shown
}

/**
 * `license trial --email E` (the DataDog trial button): a trial of the app's product, activated on
 * this machine at once; the server mails the key and the register link.
 */
export const startTrial = async (context: AgentContext, email: string): Promise<LicenseAnswer> => {
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim()))
    throw new AgentError('BAD_REQUEST', 'Give an email address (--email E)')
  const config = serverConfigOf(await readConfig(context.stateDir), 'a trial')
  const state = await readState(context.stateDir)
  const installation = installationOf(config, state)
  const answer = await callServer(config.server, 'POST', '/api/v1/trials', {
    body: {
      email: email.trim(),
      product: config.app.product,
      line: config.app.line,
      fingerprint: installation.fingerprint,
      hostname: installation.hostname,
      source: 'datadog-button',
    },
  })
  if (answer.status !== 201) throw refusalOf(answer, 'The trial')
  const licenseFile = answer.body.licenseFile
  if (typeof licenseFile !== 'string')
    throw new AgentError('MALFORMED', 'The trial came without its license file', { refused: false })
  // Verified like any other license file before anything is kept.
  return acceptActivation(context, config, state, { code: 'ACTIVATED', licenseFile }, 'trial')
}
