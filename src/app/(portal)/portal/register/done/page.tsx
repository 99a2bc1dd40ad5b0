import { redirect } from 'next/navigation'

export const dynamic = 'force-dynamic'

/** Where a claimed register link landed before the portal had a home: the portal's home now. */
export default function RegisteredPage() {
  redirect('/portal')
}
