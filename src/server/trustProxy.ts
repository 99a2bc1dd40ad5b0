/**
 * The express "trust proxy" setting from `TRUST_PROXY`: empty trusts no proxy (the socket address
 * is the client), `true` every hop, a number that many hops, anything else a list of
 * addresses/subnets or the names express knows (`loopback`, `linklocal`, `uniquelocal`).
 */
export const trustProxySetting = (value: string): boolean | number | string => {
  const trimmed = value.trim()
  if (!trimmed || ['false', 'off', 'no', '0'].includes(trimmed.toLowerCase())) return false
  if (['true', 'on', 'yes'].includes(trimmed.toLowerCase())) return true
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  return trimmed
}
