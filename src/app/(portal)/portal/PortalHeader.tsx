import type { CustomerSession } from './session/currentCustomer'
import { signOut } from './session/signOut'

const links = [
  { href: '/portal', label: 'Licenses' },
  { href: '/portal/updates', label: 'Updates' },
  { href: '/portal/faq', label: 'FAQ' },
]

/**
 * The portal's header on every page: the company the account acts for, the navigation and
 * "Sign out" when signed in; the FAQ and "Sign in" otherwise.
 */
export const PortalHeader = async ({ session }: { session: CustomerSession | null }) => {
  const companies = session
    ? (
        await session.payload.find({
          collection: 'customers',
          user: session.user,
          overrideAccess: false,
          depth: 0,
          limit: 20,
          sort: 'name',
          select: { name: true },
        })
      ).docs.map((company) => company.name)
    : []
  return (
    <header className="portal-header">
      <a className="portal-brand" href={session ? '/portal' : '/'}>
        <img src="/hub-mark.svg" alt="" width={28} height={28} />
        <span>License &amp; Update Hub</span>
      </a>
      {session ? (
        <>
          <p className="portal-company" title={session.user.email}>
            {companies.join(', ') || session.user.email}
          </p>
          <nav aria-label="Portal">
            <ul className="portal-nav">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <form action={signOut}>
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <nav aria-label="Portal">
          <ul className="portal-nav">
            <li>
              <a href="/portal/faq">FAQ</a>
            </li>
            <li>
              <a href="/portal/login">Sign in</a>
            </li>
          </ul>
        </nav>
      )}
    </header>
  )
}
