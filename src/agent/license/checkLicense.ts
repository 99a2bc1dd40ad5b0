import os from 'node:os'

import { SignedKind } from '../../sdk'
import { type AgentContext, nowOf } from '../context'
import { AgentError, isAgentError } from '../errors'
import { readConfig, readState } from '../state/stateFolder'
import type { AgentConfig, AgentState } from '../state/types'
import { checkThroughMaster, releaseLease } from './checkThroughMaster'
import { callServer, isNetworkError, newNonce, refusalOf, serverConfigOf } from './licenseServer'
import {
  emptyLicenseRecord,
  fingerprintOf,
  recordLicense,
  stateOfCode,
  stateOfLicense,
  summaryOf,
} from './licenseRecord'
import { unseal } from './sealedSecrets'
import { usableStates, type LicenseRecord } from './types'
import { storeLicenseFile, verifyAnswer, verifyFileForInstallation } from './verifyLicense'

export type LicenseAnswer = Awaited<ReturnType<typeof recordLicense>> & {
  refusal?: { code: string; message: string; refused?: boolean }
}

/** The license status as a command answer: a refusal (exit 2) when the license is not usable. */
export const answerOf = (
  status: Awaited<ReturnType<typeof recordLicense>>,
  failure?: AgentError,
): LicenseAnswer => {
  // The answer's `code` is the refusal's (the CLI and the daemon print the rest after it).
  if (failure)
    return {
      ...status,
      code: failure.code,
      refusal: { code: failure.code, message: failure.message, refused: failure.refused },
    }
  if (usableStates.has(status.state)) return status
  return {
    ...status,
    code: status.code ?? 'UNLICENSED',
    refusal: {
      code: status.code ?? 'UNLICENSED',
      message:
        status.state === 'unlicensed'
          ? 'No license: activate a key, load a license file, log in or start a trial'
          : `The license is ${status.state}${status.code ? ` (${status.code})` : ''}`,
    },
  }
}

export const installationOf = (config: AgentConfig, state: AgentState) => ({
  fingerprint: fingerprintOf(state),
  hostname: os.hostname().slice(0, 255),
  appVersion: config.app.version,
})

const scopeOf = (context: AgentContext, config: AgentConfig, state: AgentState) => ({
  config,
  fingerprint: fingerprintOf(state),
  now: nowOf(context),
  latestSeenAt: state.license?.latestSeenAt ?? null,
})

/**
 * What the stored license file alone says (no network): the state by its dates within the file's
 * validity, `grace` when the online check could not be made but the file still holds.
 */
export const evaluateStoredFile = async (
  context: AgentContext,
  config: AgentConfig,
  state: AgentState,
  record: LicenseRecord,
  { offline }: { offline: boolean },
): Promise<void> => {
  if (!record.sealedLicenseFile || !record.license) return
  const now = nowOf(context)
  try {
    const claims = await verifyFileForInstallation(
      await unseal(context.stateDir, record.sealedLicenseFile),
      scopeOf(context, config, state),
    )
    record.license = summaryOf(claims)
    const decided = stateOfLicense(record.license, record.credits, now)
    const usable = usableStates.has(decided.state)
    record.state = usable && offline ? 'grace' : decided.state
    record.code = usable && offline ? 'NETWORK' : decided.code
  } catch (error) {
    if (!isAgentError(error)) throw error
    const licenseEnded =
      record.license.expiresAt !== null && Date.parse(record.license.expiresAt) <= now.getTime()
    record.state = licenseEnded ? 'expired' : stateOfCode(error.code)
    record.code = licenseEnded ? 'EXPIRED' : error.code
  }
}

/**
 * Applies a verified validation (or activation) decision: a usable one stores the fresh license
 * file; any other code becomes its state.
 */
const applyDecision = async (
  context: AgentContext,
  record: LicenseRecord,
  fields: Record<string, unknown>,
  verifiedFile: Awaited<ReturnType<typeof verifyFileForInstallation>> | null,
  licenseFile: string | null,
): Promise<void> => {
  const now = nowOf(context)
  const code = String(fields.code)
  const description = fields.license as
    { id?: unknown; credits?: number; expiresAt?: string | null } | undefined
  record.credits = typeof description?.credits === 'number' ? description.credits : record.credits
  // A refusal comes without a file: the signed description still tells the license's end.
  if (
    record.license &&
    description &&
    String(description.id) === record.license.licenseId &&
    description.expiresAt !== undefined
  )
    record.license.expiresAt = description.expiresAt
  record.limits = (fields.limits as Record<string, unknown> | undefined) ?? null
  record.lastCheckAt = now.toISOString()
  if (verifiedFile && licenseFile) {
    const sameLicense = record.license?.licenseId === verifiedFile.licenseId
    if (!sameLicense && typeof description?.credits !== 'number') record.credits = null
    await storeLicenseFile(context.stateDir, record, licenseFile, verifiedFile)
  }
  if (['VALID', 'ACTIVATED', 'ALREADY_ACTIVE'].includes(code) && record.license) {
    const decided = stateOfLicense(record.license, record.credits, now)
    record.state = decided.state
    record.code = code === 'VALID' ? decided.code : code
    return
  }
  record.state = stateOfCode(code)
  record.code = code
}

/**
 * `license check` / `POST /license/check` (the daemon does it at start and daily): validates the
 * key online, refreshes the license file, maps the decision to a state; offline, the stored file
 * decides (`grace` while it holds).
 */
export const checkLicense = async (context: AgentContext): Promise<LicenseAnswer> => {
  const config = await readConfig(context.stateDir)
  const state = await readState(context.stateDir)
  if (config.master) {
    const { failure } = await checkThroughMaster(context, config, state)
    return answerOf(await recordLicense(context, () => undefined), failure)
  }
  const record = { ...emptyLicenseRecord(), ...state.license }
  if (!record.sealedKey) return answerOf(await recordLicense(context, () => undefined))
  const key = await unseal(context.stateDir, record.sealedKey)
  const nonce = newNonce()
  let fields: Record<string, unknown>
  try {
    const answer = await callServer(config.server, 'POST', '/api/v1/licenses/validate', {
      body: {
        key,
        fingerprint: fingerprintOf(state),
        product: config.app.product,
        line: config.app.line,
        nonce,
      },
    })
    if (answer.status !== 200) throw refusalOf(answer, 'The license check')
    fields = await verifyAnswer(config, answer.body, SignedKind.validation, nonce)
  } catch (error) {
    if (!isNetworkError(error) && !(isAgentError(error) && error.code === 'SERVER_ERROR'))
      throw error
    const status = await recordLicense(context, (current, saved) =>
      evaluateStoredFile(context, config, saved, current, { offline: true }),
    )
    return answerOf(status, status.state === 'grace' ? undefined : (error as AgentError))
  }
  const licenseFile = typeof fields.licenseFile === 'string' ? fields.licenseFile : null
  let verified: Awaited<ReturnType<typeof verifyFileForInstallation>> | null = null
  let fileRefusal: AgentError | undefined
  if (licenseFile && fields.code === 'VALID') {
    try {
      verified = await verifyFileForInstallation(licenseFile, scopeOf(context, config, state))
    } catch (error) {
      if (!isAgentError(error)) throw error
      fileRefusal = error
    }
  }
  const status = await recordLicense(context, async (current, _saved, notify) => {
    if (fileRefusal) {
      current.state = 'invalid'
      current.code = fileRefusal.code
      current.lastCheckAt = nowOf(context).toISOString()
      notify({ type: 'error', code: fileRefusal.code, message: fileRefusal.message })
      return
    }
    await applyDecision(context, current, fields, verified, licenseFile)
  })
  return answerOf(status, fileRefusal)
}

/**
 * `license activate --key K`: takes a seat for this installation and keeps the license file it
 * gets. A refusal (`TOO_MANY_CLIENTS`, `EXPIRED`, …) leaves the license the installation had.
 */
export const activateLicense = async (
  context: AgentContext,
  key: string,
): Promise<LicenseAnswer> => {
  if (typeof key !== 'string' || key.trim() === '' || key.length > 256)
    throw new AgentError('BAD_REQUEST', 'Give the license key (--key K)')
  const config = serverConfigOf(await readConfig(context.stateDir), 'activation')
  const state = await readState(context.stateDir)
  const nonce = newNonce()
  const answer = await callServer(config.server, 'POST', '/api/v1/licenses/activate', {
    body: { key: key.trim(), ...installationOf(config, state), nonce },
  })
  if (answer.status !== 200) throw refusalOf(answer, 'The activation')
  const fields = await verifyAnswer(config, answer.body, SignedKind.activation, nonce)
  return acceptActivation(context, config, state, fields, 'activate')
}

/** An activation decision (activate, master login): its license file kept, or a refusal. */
export const acceptActivation = async (
  context: AgentContext,
  config: AgentConfig,
  state: AgentState,
  fields: Record<string, unknown>,
  source: string,
): Promise<LicenseAnswer> => {
  const code = String(fields.code)
  const licenseFile = typeof fields.licenseFile === 'string' ? fields.licenseFile : null
  if (!['ACTIVATED', 'ALREADY_ACTIVE'].includes(code) || !licenseFile)
    throw new AgentError(code, `The server did not activate this installation: ${code}`)
  const verified = await verifyFileForInstallation(licenseFile, scopeOf(context, config, state))
  await recordLicense(context, async (record) => {
    record.source = source
    record.masterLogin = null
    record.pendingUses = []
    await applyDecision(context, record, fields, verified, licenseFile)
  })
  // The validation adds what an activation does not say (credits, limits); offline it is grace.
  return checkLicense(context).catch(async () => answerOf(await recordLicense(context, () => {})))
}

/**
 * `license load-file FILE|-`: the offline textbox. The armoured or bare file is verified (see
 * verifyFileForInstallation) and kept; each refusal has its code and changes nothing.
 */
export const loadLicenseFile = async (
  context: AgentContext,
  text: string,
): Promise<LicenseAnswer> => {
  if (typeof text !== 'string' || text.trim() === '')
    throw new AgentError('BAD_REQUEST', 'Paste the license file')
  if (text.length > 64 * 1024) throw new AgentError('BAD_REQUEST', 'Too long for a license file')
  const config = await readConfig(context.stateDir)
  const state = await readState(context.stateDir)
  const claims = await verifyFileForInstallation(text, scopeOf(context, config, state))
  return answerOf(
    await recordLicense(context, async (record) => {
      if (record.license?.licenseId !== claims.licenseId) {
        record.credits = null
        record.creditsAtTopUp = null
      }
      await storeLicenseFile(context.stateDir, record, text.trim(), claims)
      record.source = 'load-file'
      record.masterLogin = null
      const decided = stateOfLicense(record.license!, record.credits, nowOf(context))
      record.state = decided.state
      record.code = decided.code
    }),
  )
}

/** `license deactivate`: frees this installation's seat on the server and forgets the license. */
export const deactivateLicense = async (context: AgentContext): Promise<LicenseAnswer> => {
  const config = await readConfig(context.stateDir)
  const state = await readState(context.stateDir)
  const record = { ...emptyLicenseRecord(), ...state.license }
  if (config.master) {
    await releaseLease(context, config, state)
    return recordLicense(context, (current, _saved, notify) => {
      if (current.state === 'leased')
        notify({ type: 'lease-lost', code: 'RELEASED', message: 'The lease was given back' })
      const { latestSeenAt } = current
      Object.assign(current, emptyLicenseRecord(), { latestSeenAt, code: 'RELEASED' })
    })
  }
  if (!record.sealedKey) throw new AgentError('UNLICENSED', 'No license to deactivate')
  const nonce = newNonce()
  const answer = await callServer(config.server, 'POST', '/api/v1/licenses/deactivate', {
    body: {
      key: await unseal(context.stateDir, record.sealedKey),
      fingerprint: fingerprintOf(state),
      nonce,
    },
  })
  if (answer.status !== 200) throw refusalOf(answer, 'The deactivation')
  const fields = await verifyAnswer(config, answer.body, SignedKind.activation, nonce)
  if (!['DEACTIVATED', 'NOT_ACTIVE'].includes(String(fields.code)))
    throw new AgentError(String(fields.code), `The server did not deactivate: ${fields.code}`)
  const status = await recordLicense(context, (current) => {
    const { latestSeenAt, answeredUses } = current
    Object.assign(current, emptyLicenseRecord(), { latestSeenAt, answeredUses })
    current.code = String(fields.code)
  })
  return { ...status }
}
