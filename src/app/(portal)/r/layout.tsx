import type { ReactNode } from 'react'

import { PortalHeader } from '../portal/PortalHeader'
import { currentCustomer } from '../portal/session/currentCustomer'

export const dynamic = 'force-dynamic'

/** Direct links share the portal's header: signed in or not, the way into the portal is there. */
export default async function DirectLinkLayout({ children }: { children: ReactNode }) {
  const session = await currentCustomer()
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <PortalHeader session={session} />
      <div id="content">{children}</div>
    </>
  )
}
