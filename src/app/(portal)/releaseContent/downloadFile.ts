'use server'

import { redirect } from 'next/navigation'

import { ClientError } from '../../../../plugins/clientApi'
import { authorizeDownload } from '../../../../plugins/updates'
import { currentCustomer } from '../portal/session/currentCustomer'
import type { DownloadState } from './downloadState'

/**
 * A download button's form (server action: Next checks its Origin; a plain form post without
 * JavaScript): checks the signed-in account's licenses again, then sends the browser to the
 * file's short-lived link.
 */
export async function downloadFile(
  _previous: DownloadState,
  form: FormData,
): Promise<DownloadState> {
  const session = await currentCustomer()
  if (!session) return { error: 'Your session ended: sign in again to download.' }
  const artifactId = form.get('artifactId')
  if (typeof artifactId !== 'string' || !/^[1-9][0-9]{0,14}$/.test(artifactId))
    return { error: 'That file does not exist.' }
  let url: string
  try {
    ;({ url } = await authorizeDownload(session.payload, {
      artifactId: Number(artifactId),
      credentials: { user: session.user },
    }))
  } catch (error) {
    if (error instanceof ClientError) return { error: error.message }
    throw error
  }
  redirect(url)
}
