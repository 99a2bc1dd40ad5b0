import { SignedKind } from '../../sdk'
import { type AgentContext, nowOf } from '../context'
import { AgentError } from '../errors'
import { readConfig, readState } from '../state/stateFolder'
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
