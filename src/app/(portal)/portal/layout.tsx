import type { ReactNode } from 'react'

import { LoginNotice } from './loginNotice/LoginNotice'
import { PortalHeader } from './PortalHeader'
import { currentCustomer } from './session/currentCustomer'

export const dynamic = 'force-dynamic'

/**
 * Every portal page: the header (who is signed in, navigation), the notice after a sign-in, then
 * the page's own `<main>`.
 */
export default async function PortalPagesLayout({ children }: { children: ReactNode }) {
  const session = await currentCustomer()
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <PortalHeader session={session} />
      <div id="content">
        <LoginNotice session={session} />
        {children}
      </div>
    </>
  )
}
