/**
 * The first line of an offline bundle: magic and format version, ASCII (see
 * src/sdk/updates/offlineBundle.ts).
 */
export const offlineBundleMagicLine = 'PROMONITOR-OFFLINE-BUNDLE 1\n'
