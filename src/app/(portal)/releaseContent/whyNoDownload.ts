import type { DownloadDecision } from '../../../../plugins/updates'

/** The refusal of a signed-in account's download, said for that account. */
export const whyNoDownload = (
  decision: Extract<DownloadDecision, { isAllowed: false }>,
  { productName, line }: { productName: string; line: string },
): string => {
  const product = `${productName} ${line.toUpperCase()}`
  switch (decision.code) {
    case 'NOT_ENTITLED':
      return `None of your companies’ licenses is for ${productName}, so there is no download. Contact us for a license or a trial.`
    case 'LINE_MISMATCH':
      return `Your licenses for ${productName} are for another line; this release is for ${product}.`
    case 'SUSPENDED':
      return `Your license for ${product} is suspended. Contact support to download.`
    case 'EXPIRED':
      return `Your license for ${product} expired before this release was published. Releases published before it expired stay available; extend the license to get this one.`
    default:
      return decision.message
  }
}
