import './searchForm.css'

/** The "find anything" box: a plain GET form to the search view, so it works without script. */
export const SearchForm = ({ adminRoute, query = '' }: { adminRoute: string; query?: string }) => (
  <form className="hub-search-form" method="get" action={`${adminRoute}/search`} role="search">
    <label htmlFor="hub-search-q">
      Find a license key, customer, email, fingerprint or hostname
    </label>
    <div className="hub-search-form__row">
      <input
        id="hub-search-q"
        name="q"
        type="search"
        defaultValue={query}
        minLength={2}
        required
        autoComplete="off"
        spellCheck={false}
        placeholder="PMON-…, acme, ops@example.com, hostname…"
      />
      <button type="submit" className="btn btn--style-primary btn--size-small">
        Find
      </button>
    </div>
  </form>
)
