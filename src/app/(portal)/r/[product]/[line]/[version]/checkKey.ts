'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import { clientAddressOf } from '../../../../../../../plugins/clientApi'
import { checkDirectLinkKey } from '../../../../../../../plugins/updates'
import { findRelease } from '../../../../releaseContent/findRelease'
import type { KeyState } from './keyState'

const text = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * The direct link's key form (server action: the key travels in the POST body only, and Next
 * checks the Origin). Rate-limited per client address, the one the app's server set from the
 * socket or a trusted proxy.
 */
export async function checkKey(_previous: KeyState, form: FormData): Promise<KeyState> {
  const payload = await getPayload({ config })
  const view = await findRelease(
    payload,
    { product: text(form, 'product'), line: text(form, 'line'), version: text(form, 'version') },
    null,
  )
  if (!view) return { error: 'This release is no longer published.' }
  const answer = await checkDirectLinkKey(payload, {
    release: view.release,
    licenseKey: text(form, 'licenseKey'),
    address: clientAddressOf(await headers()),
  })
  if (!answer.decision.isAllowed) return { error: answer.decision.message }
  return { files: answer.files, expiresAt: answer.expiresAt?.toISOString() }
}
