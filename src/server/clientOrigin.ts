import type { IncomingMessage } from 'node:http'

import proxyaddr from 'proxy-addr'

export type TrustProxy = boolean | number | string

type Trust = (address: string, hop: number) => boolean

/** express's own reading of "trust proxy": true, a hop count, or addresses/subnets/names. */
const compileTrust = (trustProxy: TrustProxy): Trust => {
  if (trustProxy === true) return () => true
  if (trustProxy === false) return () => false
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy
  return proxyaddr.compile(trustProxy ? trustProxy.split(',').map((entry) => entry.trim()) : [])
}

export type ClientOrigin = {
  address: string
  protocol: 'http' | 'https'
  /**
   * The connection comes from a proxy `TRUST_PROXY` names: its other `X-Forwarded-*` headers may be
   * believed.
   */
  viaTrustedProxy: boolean
}

/**
 * Who is calling, and over which scheme: the socket's, or, behind a trusted proxy, what its
 * `X-Forwarded-For` / `X-Forwarded-Proto` say (the same rules as express's
 * `req.ip`/`req.protocol`).
 * Both hosts (the API host and the Next app's server) use this one reading.
 */
export const createClientOrigin = (
  trustProxy: TrustProxy,
): ((req: IncomingMessage) => ClientOrigin) => {
  const ownProtocol = (req: IncomingMessage) =>
    (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
  if (trustProxy === false)
    return (req) => ({
      address: req.socket.remoteAddress || 'unknown',
      protocol: ownProtocol(req),
      viaTrustedProxy: false,
    })
  const trust = compileTrust(trustProxy)
  return (req) => {
    let protocol: ClientOrigin['protocol'] = ownProtocol(req)
    const viaTrustedProxy = trust(req.socket.remoteAddress || '', 0)
    const forwardedProto = req.headers['x-forwarded-proto']
    if (typeof forwardedProto === 'string' && viaTrustedProxy) {
      const first = forwardedProto.split(',')[0].trim().toLowerCase()
      if (first === 'http' || first === 'https') protocol = first
    }
    return { address: proxyaddr(req, trust) || 'unknown', protocol, viaTrustedProxy }
  }
}
