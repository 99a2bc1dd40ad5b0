import type { ReactNode } from 'react'

import './portal.css'

export const metadata = {
  title: 'ProMonitor · License & Update Hub',
  description: 'Licenses, releases and downloads for ProMonitor',
}

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
