import config from '@payload-config'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { findReleaseDownloads, findReleaseFiles } from '../../../../../../../plugins/updates'
import { DownloadButton } from '../../../../releaseContent/DownloadButton'
import { findRelease } from '../../../../releaseContent/findRelease'
import { ReleaseFiles } from '../../../../releaseContent/ReleaseFiles'
import { ReleasePublicPart } from '../../../../releaseContent/ReleasePublicPart'
import styles from '../../../../releaseContent/releaseContent.module.css'
import { currentCustomer } from '../../../../portal/session/currentCustomer'
import { KeyForm } from './KeyForm'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Release · ProMonitor',
  // The page is shareable, but what it answers to a key is for whoever typed it.
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ product: string; line: string; version: string }> }

/**
 * A release's direct link, the one release mails carry: its public part for anyone; the downloads
 * for a signed-in account whose licenses cover it, or after a license key that covers it.
 */
export default async function DirectLinkPage({ params }: Props) {
  const address = await params
  const payload = await getPayload({ config })
  const view = await findRelease(payload, address, null)
  if (!view) notFound()
  const session = await currentCustomer()
  const downloads = session
    ? await findReleaseDownloads(payload, {
        release: view.release,
        credentials: { user: session.user },
      })
    : null
  const isPulled = view.release.status === 'pulled'
  const pagePath = `/r/${[address.product, address.line, address.version].map(encodeURIComponent).join('/')}`
  return (
    <main className="portal-page">
      <ReleasePublicPart view={view} />
      <section aria-labelledby="release-downloads" className={`panel ${styles.downloads}`}>
        <h2 id="release-downloads">Downloads</h2>
        {isPulled ? (
          <p className="notice" role="status">
            This release was pulled: it is no longer offered for download.
          </p>
        ) : downloads?.decision.isAllowed ? (
          <ReleaseFiles
            files={downloads.files}
            downloadOf={(file) => (
              <DownloadButton artifactId={file.id} label={`Download for ${file.platform}`} />
            )}
          />
        ) : (
          <KeyForm
            address={address}
            files={downloads?.files ?? (await findReleaseFiles(payload, view.release.id))}
            intro={
              session ? (
                <p>
                  None of your account’s licenses covers this release. A license key that does opens
                  the downloads:
                </p>
              ) : (
                <p>
                  Enter a license key that covers this release to download it, or{' '}
                  <a href={`/portal/login?next=${encodeURIComponent(pagePath)}`}>sign in</a>.
                </p>
              )
            }
          />
        )}
      </section>
    </main>
  )
}
