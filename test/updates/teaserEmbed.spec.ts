import { describe, expect, it } from 'vitest'

import { embedOf } from '../../src/app/(portal)/releaseContent/embedOf'

describe('how a video teaser plays on the release pages', () => {
  it('plays YouTube and Vimeo page addresses in their own players', () => {
    for (const address of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/embed/dQw4w9WgXcQ',
    ])
      expect(embedOf(address), address).toEqual({
        kind: 'iframe',
        src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      })
    expect(embedOf('https://vimeo.com/76979871')).toEqual({
      kind: 'iframe',
      src: 'https://player.vimeo.com/video/76979871',
    })
  })

  it('plays any other http(s) address as a video file, and nothing for other schemes', () => {
    expect(embedOf('https://videos.promonitor.example/promonitor-7.4.0.mp4')).toEqual({
      kind: 'video',
      src: 'https://videos.promonitor.example/promonitor-7.4.0.mp4',
    })
    expect(embedOf('javascript:alert(1)')).toBeNull()
    expect(embedOf('not a url')).toBeNull()
    expect(embedOf('https://www.youtube.com/watch?v="><script>')).toEqual({
      kind: 'video',
      src: 'https://www.youtube.com/watch?v=%22%3E%3Cscript%3E',
    })
  })
})
