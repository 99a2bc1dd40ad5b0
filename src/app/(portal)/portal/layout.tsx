import type { ReactNode } from 'react'

import { PortalHeader } from './PortalHeader'
import { currentCustomer } from './session/currentCustomer'

export const dynamic = 'force-dynamic'

/** Every portal page: the header (who is signed in, navigation), then the page's own `<main>`. */
export default async function PortalPagesLayout({ children }: { children: ReactNode }) {
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
