/** How a teaser's address plays: a YouTube or Vimeo player in an iframe, else a plain video. */
export type TeaserEmbed = { kind: 'iframe'; src: string } | { kind: 'video'; src: string }

const youTubeId = /^[A-Za-z0-9_-]{6,20}$/

/**
 * The embeddable player of a hosted video's page address (`youtube.com/watch?v=…`, `youtu.be/…`,
 * `vimeo.com/123`); any other http(s) address is played as a file by `<video>`.
 */
export const embedOf = (address: string): TeaserEmbed | null => {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^www\.|^m\./, '')
  const youTube =
    host === 'youtu.be'
      ? url.pathname.slice(1)
      : host === 'youtube.com' || host === 'youtube-nocookie.com'
        ? (url.searchParams.get('v') ?? url.pathname.match(/^\/(?:embed|shorts)\/([^/]+)/)?.[1])
        : undefined
  if (youTube && youTubeId.test(youTube))
    return { kind: 'iframe', src: `https://www.youtube-nocookie.com/embed/${youTube}` }
  const vimeo =
    host === 'vimeo.com' || host === 'player.vimeo.com'
      ? url.pathname.match(/(?:^|\/)(\d{3,12})(?:\/|$)/)?.[1]
      : undefined
  if (vimeo) return { kind: 'iframe', src: `https://player.vimeo.com/video/${vimeo}` }
  return { kind: 'video', src: url.toString() }
}
