import { SignedKind, verifyLicenseFile } from '../../sdk'
import { AgentError, isAgentError } from '../errors'
import { callServer, newNonce } from '../license/licenseServer'
import { unseal } from '../license/sealedSecrets'
import { verifyAnswer } from '../license/verifyLicense'
import { readConfig, readState, updateState } from '../state/stateFolder'
import type { AgentState } from '../state/types'
import { loadTrust } from '../update/trust'
import { sealLeaseFile } from './pairing'
import type { Lease, RelayRecord } from './types'

export const relayRecordOf = (state: AgentState): RelayRecord => {
  state.relay = {
    sealedSecret: null,
    leases: {},
    pendingReleases: [],
    nodeLicenses: [],
    ...state.relay,
  }
  return state.relay
}

/**
 * The lease a node holds, if any: an own entry only, so a fingerprint named like a property every
 * object has (`constructor`, `toString`) holds nothing until leased.
 */
const leaseOf = (relay: RelayRecord, fingerprint: string): Lease | undefined =>
  Object.hasOwn(relay.leases, fingerprint) ? relay.leases[fingerprint] : undefined

export type NodeRequest = {
  fingerprint: string
  product: string
  line: string
  role: string
  hostname: string | null
  appVersion: string | null
}

/** What the relay answers a node: the HTTP status and body. */
export type RelayAnswer = { status: number; body: Record<string, unknown> }

const refusal = (status: number, code: string, message: string): RelayAnswer => ({
  status,
  body: { code, message },
})

/** The master's own license: its key (to activate nodes under it) and what it covers. */
const masterLicense = async (stateDir: string, state: AgentState) => {
  const record = state.license
  if (!record?.sealedKey || !record.license) return null
  return { key: await unseal(stateDir, record.sealedKey), license: record.license }
}

const covers = (license: { product: string; line: string }, node: NodeRequest): boolean =>
  license.product === node.product && license.line.toLowerCase() === node.line.toLowerCase()

/**
 * The license a node's seat is lent from: the master's own when it covers the node's product and
 * line, else the company's license of them the master loaded (`relay load-license`); null if none.
 */
const licenseForNode = async (
  stateDir: string,
  state: AgentState,
  master: { key: string; license: { licenseId: string; product: string; line: string } },
  node: NodeRequest,
): Promise<{ key: string; licenseId: string } | null> => {
  if (covers(master.license, node)) return { key: master.key, licenseId: master.license.licenseId }
  const loaded = relayRecordOf(state).nodeLicenses.find((held) => covers(held, node))
  return loaded
    ? { key: await unseal(stateDir, loaded.sealedKey), licenseId: loaded.licenseId }
    : null
}

/** The key of the license a seat was lent from (the master's own when not said or not held). */
const keyOfLicense = async (
  stateDir: string,
  state: AgentState,
  licenseId: string | undefined,
): Promise<string | null> => {
  const loaded = relayRecordOf(state).nodeLicenses.find((held) => held.licenseId === licenseId)
  if (loaded && licenseId !== state.license?.license?.licenseId)
    return unseal(stateDir, loaded.sealedKey)
  return (await masterLicense(stateDir, state))?.key ?? null
}

const isOffline = (error: unknown): boolean =>
  isAgentError(error) && (error.code === 'NETWORK' || error.code === 'SERVER_ERROR')

/**
 * Activates the node's fingerprint on the server under the master's license: the server counts
 * the seat and signs a file bound to the node (checked here too before it is handed on).
 */
const activateNode = async (
  stateDir: string,
  key: string,
  node: NodeRequest,
): Promise<{ licenseFile: string; exp: number } | RelayAnswer> => {
  const config = await readConfig(stateDir)
  const nonce = newNonce()
  const answer = await callServer(config.server, 'POST', '/api/v1/licenses/activate', {
    body: {
      key,
      fingerprint: node.fingerprint,
      role: ['app', 'collector', 'cockpit', 'slave'].includes(node.role) ? node.role : 'slave',
      ...(node.hostname ? { hostname: node.hostname } : {}),
      ...(node.appVersion ? { appVersion: node.appVersion } : {}),
      nonce,
    },
  })
  if (answer.status !== 200)
    return refusal(409, String(answer.body.code ?? 'REFUSED'), String(answer.body.message ?? ''))
  const fields = await verifyAnswer(config, answer.body, SignedKind.activation, nonce)
  if (fields.code === 'TOO_MANY_CLIENTS')
    return refusal(410, 'NO_SEAT', "No seat is free on the master's license")
  if (!['ACTIVATED', 'ALREADY_ACTIVE'].includes(String(fields.code)) || !fields.licenseFile)
    return refusal(409, String(fields.code), `The server refused the node: ${fields.code}`)
  const licenseFile = String(fields.licenseFile)
  const claims = await verifyLicenseFile(licenseFile, {
    trust: await loadTrust(config),
    fingerprint: node.fingerprint,
  })
  return { licenseFile, exp: claims.exp }
}

/** Frees a node's seat on the server; false when the server cannot be reached (try later). */
export const deactivateNode = async (
  stateDir: string,
  fingerprint: string,
  licenseId?: string,
): Promise<boolean> => {
  const state = await readState(stateDir)
  const key = await keyOfLicense(stateDir, state, licenseId)
  if (!key) return true
  const config = await readConfig(stateDir)
  try {
    await callServer(config.server, 'POST', '/api/v1/licenses/deactivate', {
      body: { key, fingerprint, nonce: newNonce() },
    })
    return true
  } catch (error) {
    if (isOffline(error)) return false
    throw error
  }
}

/** The answer's license file is sealed for the paired node (see `sealLeaseFile`). */
const leaseAnswer = (lease: Lease, secret: string, ttlSeconds: number, offline: boolean) => ({
  sealedLicenseFile: sealLeaseFile(secret, lease.fingerprint, lease.licenseFile),
  lease: { expiresAt: lease.expiresAt, ttlSeconds },
  ...(offline
    ? {
        offline: true,
        message: 'The master is offline: the lease is renewed with the license file it holds',
      }
    : {}),
})

/**
 * `PUT /relay/v1/nodes/:fingerprint`: 201 with a license file (sealed for the node) for a new
 * lease, 202 when renewed (the heartbeat), 410 `NO_SEAT`, 409 `NOT_COVERED` (a product or line
 * neither the master's own license nor a company license it loaded covers). Offline the master
 * renews only with files it holds, never past their `exp`.
 */
export const leaseSeat = async (
  stateDir: string,
  node: NodeRequest,
  {
    ttlSeconds,
    pairingSecret,
    now = new Date(),
  }: { ttlSeconds: number; pairingSecret: string; now?: Date },
): Promise<RelayAnswer> => {
  const state = await readState(stateDir)
  const master = await masterLicense(stateDir, state)
  if (!master)
    return refusal(503, 'MASTER_UNLICENSED', 'The master has no license to lend seats from')
  const lender = await licenseForNode(stateDir, state, master, node)
  if (!lender)
    return refusal(
      409,
      'NOT_COVERED',
      `No license of the master covers ${node.product} ${node.line} (its own: ${master.license.product} ${master.license.line})`,
    )
  const held = leaseOf(relayRecordOf(state), node.fingerprint)
  const isRenewal = held !== undefined && Date.parse(held.expiresAt) > now.getTime()
  let file = held
    ? {
        licenseFile: held.licenseFile,
        exp: Date.parse(held.fileExpiresAt) / 1000,
        licenseId: held.licenseId,
      }
    : null
  let offline = false
  // A new lease, or a file past half its validity, is asked of the server.
  const needsFile = !isRenewal || !file || file.exp * 1000 - now.getTime() < ttlSeconds * 2 * 1000
  if (needsFile) {
    try {
      const activated = await activateNode(stateDir, lender.key, node)
      if ('status' in activated) return activated
      file = { ...activated, licenseId: lender.licenseId }
    } catch (error) {
      if (!isOffline(error)) throw error
      offline = true
      if (!isRenewal || !file || file.exp * 1000 <= now.getTime())
        return refusal(
          503,
          'MASTER_OFFLINE',
          isRenewal
            ? 'The master is offline and the license file it holds for this node has expired'
            : 'The master is offline: it cannot take a new seat',
        )
    }
  }
  const expiresAt = new Date(
    Math.min(now.getTime() + ttlSeconds * 1000, file!.exp * 1000),
  ).toISOString()
  const saved = await updateState(stateDir, (current) => {
    const relay = relayRecordOf(current)
    relay.pendingReleases = relay.pendingReleases.filter((pending) => pending !== node.fingerprint)
    relay.leases[node.fingerprint] = {
      ...node,
      // The license of the file handed out (a held file keeps the license it was lent from).
      licenseId: file!.licenseId ?? lender.licenseId,
      licenseFile: file!.licenseFile,
      fileExpiresAt: new Date(file!.exp * 1000).toISOString(),
      leasedAt: isRenewal ? held!.leasedAt : now.toISOString(),
      renewedAt: now.toISOString(),
      expiresAt,
    }
  })
  return {
    status: isRenewal ? 202 : 201,
    body: leaseAnswer(leaseOf(saved.relay!, node.fingerprint)!, pairingSecret, ttlSeconds, offline),
  }
}

const markPendingRelease = (relay: RelayRecord, fingerprint: string, licenseId?: string) => {
  if (!relay.pendingReleases.includes(fingerprint)) relay.pendingReleases.push(fingerprint)
  if (licenseId)
    relay.pendingReleaseLicenses = { ...relay.pendingReleaseLicenses, [fingerprint]: licenseId }
}

/** `DELETE /relay/v1/nodes/:fingerprint`: the lease goes and its seat is freed on the server. */
export const releaseSeat = async (stateDir: string, fingerprint: string): Promise<RelayAnswer> => {
  const state = await readState(stateDir)
  const lease = leaseOf(relayRecordOf(state), fingerprint)
  if (!lease) return refusal(404, 'NOT_FOUND', 'This node holds no lease')
  const freed = await deactivateNode(stateDir, fingerprint, lease.licenseId)
  await updateState(stateDir, (current) => {
    const relay = relayRecordOf(current)
    delete relay.leases[fingerprint]
    if (!freed) markPendingRelease(relay, fingerprint, lease.licenseId)
  })
  return { status: 204, body: {} }
}

/** Culls the leases past their time (their seats freed on the server) and retries releases. */
export const cullLeases = async (stateDir: string, now = new Date()): Promise<string[]> => {
  const state = await readState(stateDir)
  const relay = relayRecordOf(state)
  const expired = Object.values(relay.leases)
    .filter((lease) => Date.parse(lease.expiresAt) <= now.getTime())
    .map((lease) => lease.fingerprint)
  const toFree = [...new Set([...expired, ...relay.pendingReleases])]
  if (toFree.length === 0) return []
  const licenseOf = (fingerprint: string) =>
    leaseOf(relay, fingerprint)?.licenseId ??
    (relay.pendingReleaseLicenses && Object.hasOwn(relay.pendingReleaseLicenses, fingerprint)
      ? relay.pendingReleaseLicenses[fingerprint]
      : undefined)
  const stillPending: string[] = []
  for (const fingerprint of toFree)
    if (!(await deactivateNode(stateDir, fingerprint, licenseOf(fingerprint))))
      stillPending.push(fingerprint)
  await updateState(stateDir, (current) => {
    const record = relayRecordOf(current)
    for (const fingerprint of expired) {
      // Renewed meanwhile: kept.
      const lease = leaseOf(record, fingerprint)
      if (lease && Date.parse(lease.expiresAt) <= now.getTime()) delete record.leases[fingerprint]
    }
    record.pendingReleases = stillPending
    record.pendingReleaseLicenses = Object.fromEntries(
      stillPending.flatMap((fingerprint) => {
        const licenseId = licenseOf(fingerprint)
        return licenseId ? [[fingerprint, licenseId]] : []
      }),
    )
  })
  return expired
}

export const assertNodeRequest = (fingerprint: string, body: unknown): NodeRequest => {
  const fields = (body ?? {}) as Record<string, unknown>
  const text = (name: string, required: boolean): string | null => {
    const value = fields[name]
    if (value === undefined || value === null) {
      if (required) throw new AgentError('BAD_REQUEST', `${name} is required`)
      return null
    }
    if (typeof value !== 'string' || value.length > 255)
      throw new AgentError('BAD_REQUEST', `${name} must be a short text`)
    return value
  }
  // `__proto__` would set the leases' prototype instead of holding a lease: the seat taken, the
  // lease never saved nor culled.
  if (!/^[A-Za-z0-9._:-]{1,256}$/.test(fingerprint) || fingerprint === '__proto__')
    throw new AgentError('BAD_REQUEST', 'Not a fingerprint')
  return {
    fingerprint,
    product: text('product', true)!,
    line: text('line', true)!,
    role: text('role', false) ?? 'slave',
    hostname: text('hostname', false),
    appVersion: text('appVersion', false),
  }
}
