import { randomBytes } from 'node:crypto'

export type SecurityHeaderOptions = {
  /** https here adds HSTS. */
  publicUrl: string
  /** `next dev`: its scripts need `eval` and its hot reload a websocket. */
  dev?: boolean
}

/** What a page may do, in CSP terms; `scripts` is the page kind's own script-src. */
const policy = (scripts: string, { dev }: SecurityHeaderOptions): string =>
  [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    // Next and Payload's admin put style attributes and <style> blocks in the page.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

/** An answer that is data, never a document: it may load nothing and be framed by no one. */
const dataPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const commonHeaders = ({ publicUrl }: SecurityHeaderOptions): Record<string, string> => ({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Not no-referrer: Next's server actions check the Origin, which that policy would drop.
  'referrer-policy': 'strict-origin-when-cross-origin',
  ...(publicUrl.startsWith('https://')
    ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : {}),
})

/** The headers every answer of the API host carries (it serves only data). */
export const apiSecurityHeaders = (options: SecurityHeaderOptions): Record<string, string> => ({
  ...commonHeaders(options),
  'content-security-policy': dataPolicy,
})

export type PageSecurity = {
  headers: Record<string, string>
  /**
   * The policy to hand Next on the request (`Content-Security-Policy` request header): Next takes
   * its nonce from there and puts it on every script of the page it renders.
   */
  requestPolicy?: string
}

/**
 * The headers for an answer of the Next app at `pathname`. `/api` answers data (Payload's REST
 * and GraphQL, uploaded files, the client API). The admin runs Payload's own inline scripts, so
 * it allows inline script from this origin. Every other page (the portal; all rendered per
 * request) allows only scripts carrying this answer's nonce.
 */
export const appSecurityHeaders = (options: SecurityHeaderOptions) => {
  const common = commonHeaders(options)
  const admin = policy("'self' 'unsafe-inline'", options)
  return (pathname: string): PageSecurity => {
    if (pathname === '/api' || pathname.startsWith('/api/'))
      return { headers: { ...common, 'content-security-policy': dataPolicy } }
    if (pathname === '/admin' || pathname.startsWith('/admin/'))
      return { headers: { ...common, 'content-security-policy': admin } }
    const nonce = randomBytes(16).toString('base64')
    const page = policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, options)
    return { headers: { ...common, 'content-security-policy': page }, requestPolicy: page }
  }
}
