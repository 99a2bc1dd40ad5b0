import config from '@payload-config'
import { notFound, redirect } from 'next/navigation'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ product: string }> }

/**
 * `/portal/releases/<release id>`: the notes link signed update manifests carry (apps in the field
 * show it). Sends the reader on to the release's direct link, which works signed in or not.
 */
export default async function ReleaseByIdPage({ params }: Props) {
  const { product: releaseId } = await params
  if (!/^[1-9][0-9]{0,14}$/.test(releaseId)) notFound()
  const payload = await getPayload({ config })
  const release = await payload.findByID({
    collection: 'releases',
    id: Number(releaseId),
    overrideAccess: false,
    depth: 1,
    disableErrors: true,
    select: { product: true, line: true, version: true },
  })
  if (!release || typeof release.product !== 'object') notFound()
  redirect(
    `/r/${[release.product.slug, release.line, release.version].map(encodeURIComponent).join('/')}`,
  )
}
