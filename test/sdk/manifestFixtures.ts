import type { ManifestRelease, UpdateManifest } from '../../src/sdk/updates/types'

export const now = new Date('2025-03-10T12:00:00Z')

export function release(
  version: string,
  overrides: Partial<ManifestRelease> = {},
): ManifestRelease {
  return {
    version,
    releasedAt: '2025-03-01T00:00:00.000Z',
    critical: false,
    minimumUpgradeFrom: null,
    rolloutPercent: 100,
    notesUrl: `https://hub.example.test/releases/${version}`,
    summary: `ProMonitor ${version}`,
    artifact: {
      id: `artifact-${version}`,
      url: `https://hub.example.test/download/${version}`,
      sha256: 'a'.repeat(64),
      size: 1024,
    },
    ...overrides,
  }
}

export function manifest(overrides: Partial<UpdateManifest> = {}): UpdateManifest {
  return {
    product: 'promonitor',
    line: 'V7',
    channel: 'stable',
    platform: 'linux-x64',
    sequence: 12,
    issuedAt: '2025-03-10T11:00:00.000Z',
    expiresAt: '2025-03-17T11:00:00.000Z',
    releases: [release('7.4.0'), release('7.3.0')],
    pulled: [],
    ...overrides,
  }
}

export const installedV7 = {
  product: 'promonitor',
  line: 'V7',
  channel: 'stable',
  platform: 'linux-x64',
  version: '7.2.0',
}

/** An install id whose rollout bucket puts it inside or outside `percent` for `version`. */
export function installIdWhere(predicate: (installId: string) => boolean): string {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const installId = `install-${attempt}`
    if (predicate(installId)) return installId
  }
  throw new Error('no install id found')
}
