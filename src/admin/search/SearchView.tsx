import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { SearchForm } from './SearchForm'
import { staffReaderFor } from '../dashboard/staffReader'
import { findAnything } from './findAnything'
import { SearchResultsList } from './SearchResultsList'
import '../dashboard/dashboard.css'

const firstOf = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? ''

/**
 * `/admin/search?q=`: the dashboard's "find anything" results, read as the signed-in staff
 * member. The query is only ever in this one URL; result links carry ids, never keys.
 */
export const SearchView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const adminRoute = payload.config.routes.admin
  // Payload leaves its sign-in check to a custom view; the query is not carried to the login.
  if (!user || !permissions.canAccessAdmin) redirect(`${adminRoute}/login`)
  const query = firstOf(searchParams?.q)
  const results = await findAnything(await staffReaderFor(payload, user), query)
  const found =
    results.licenses.length +
    results.customers.length +
    results.customerAccounts.length +
    results.installations.length
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <div className="hub-dashboard hub-search__results gutter--left gutter--right">
        <h1>Find anything</h1>
        <SearchForm adminRoute={adminRoute} query={query} />
        {results.query.length >= 2 && (
          <p role="status">{found === 0 ? 'Nothing found.' : `${found} found.`}</p>
        )}
        <SearchResultsList adminRoute={adminRoute} heading="Licenses" hits={results.licenses} />
        <SearchResultsList adminRoute={adminRoute} heading="Customers" hits={results.customers} />
        <SearchResultsList
          adminRoute={adminRoute}
          heading="Customer accounts"
          hits={results.customerAccounts}
        />
        <SearchResultsList
          adminRoute={adminRoute}
          heading="Installations"
          hits={results.installations}
        />
      </div>
    </DefaultTemplate>
  )
}
