import type { DocLink } from '../../../../payload-types'

/** Links to the documentation and the wiki for this release, documentation first. */
export const DocumentationLinks = ({ links }: { links: DocLink[] }) => {
  if (links.length === 0) return null
  const sorted = [...links].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'doc' ? -1 : 1))
  return (
    <section aria-labelledby="release-docs" className="panel">
      <h2 id="release-docs">Documentation and wiki</h2>
      <ul>
        {sorted.map((link) => (
          <li key={link.id}>
            <a href={link.url} rel="noopener noreferrer">
              {link.title}
            </a>{' '}
            <span className="badge">{link.kind === 'wiki' ? 'wiki' : 'documentation'}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
