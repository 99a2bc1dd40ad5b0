/** What names a release in a shareable address. */
export type ReleaseAddress = { product: string; line: string; version: string }

/**
 * The release's direct link (`/r/<product>/<line>/<version>`): its public page, readable without
 * signing in, where a license key or a signed-in account opens the downloads.
 */
export const directLinkOf = (publicUrl: string, { product, line, version }: ReleaseAddress) =>
  `${publicUrl}/r/${[product, line, version].map(encodeURIComponent).join('/')}`
