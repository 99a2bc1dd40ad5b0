import type { AccountCompany } from './accountCompanies'

/** A GET form (no JavaScript needed): every company, or one of them. */
export const CompanyFilter = ({
  companies,
  chosen,
}: {
  companies: AccountCompany[]
  chosen?: number
}) => (
  <form method="get" action="/portal" className="company-filter" role="search">
    <div className="field">
      <label htmlFor="company">Company</label>
      <select id="company" name="company" defaultValue={chosen ?? ''}>
        <option value="">All companies</option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" className="button button-quiet">
      Show
    </button>
  </form>
)
