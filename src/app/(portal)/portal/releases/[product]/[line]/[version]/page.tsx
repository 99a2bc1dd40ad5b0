import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { findReleaseDownloads } from '../../../../../../../../plugins/updates'
import { DownloadButton } from '../../../../../releaseContent/DownloadButton'
import { findRelease } from '../../../../../releaseContent/findRelease'
import { ReleaseFiles } from '../../../../../releaseContent/ReleaseFiles'
import { ReleasePublicPart } from '../../../../../releaseContent/ReleasePublicPart'
import { whyNoDownload } from '../../../../../releaseContent/whyNoDownload'
import styles from '../../../../../releaseContent/releaseContent.module.css'
import { requireCustomer } from '../../../../session/currentCustomer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Release · ProMonitor portal' }

type Props = { params: Promise<{ product: string; line: string; version: string }> }

/**
 * A release for a signed-in customer: notes, changelog, teaser, documentation, and the files with
 * a download button each when one of the account's licenses covers the release.
 */
export default async function PortalReleasePage({ params }: Props) {
  const address = await params
  const session = await requireCustomer(
    `/portal/releases/${[address.product, address.line, address.version].map(encodeURIComponent).join('/')}`,
  )
  const view = await findRelease(session.payload, address, session.user)
  if (!view) notFound()
  const { files, decision } = await findReleaseDownloads(session.payload, {
    release: view.release,
    credentials: { user: session.user },
  })
  return (
    <main className="portal-page">
      <p>
        <a href="/portal/updates">← All updates</a>
      </p>
      <ReleasePublicPart view={view} />
      <section aria-labelledby="release-downloads" className={`panel ${styles.downloads}`}>
        <h2 id="release-downloads">Downloads</h2>
        {!decision.isAllowed && (
          <p className="notice" role="status" data-refusal={decision.code}>
            {whyNoDownload(decision, { productName: view.product.name, line: view.release.line })}
          </p>
        )}
        <ReleaseFiles
          files={files}
          downloadOf={
            decision.isAllowed
              ? (file) => (
                  <DownloadButton artifactId={file.id} label={`Download for ${file.platform}`} />
                )
              : undefined
          }
        />
      </section>
    </main>
  )
}
