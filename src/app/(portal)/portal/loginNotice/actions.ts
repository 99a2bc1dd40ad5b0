'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { safeReturnPath } from '../session/currentCustomer'
import { forgetLoginNotice } from './loginNoticeCookie'

/** The notice's "Dismiss" (a plain form post): hidden until the next sign-in, same page again. */
export async function dismissLoginNotice(): Promise<void> {
  await forgetLoginNotice()
  const referer = (await headers()).get('referer')
  let path: string | undefined
  try {
    if (referer) path = new URL(referer).pathname + new URL(referer).search
  } catch {
    // no usable Referer: the dashboard
  }
  redirect(safeReturnPath(path))
}
