/** A Lexical document made of plain paragraphs: enough for seeded notes and answers. */
export const paragraphs = (...texts: string[]) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: texts.map((text) => ({
      type: 'paragraph',
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      textFormat: 0,
      children: [
        { type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 },
      ],
    })),
  },
})

/** A Lexical paragraph of `before`, a link to `url` reading `label`, then `after`. */
export const paragraphWithLink = (before: string, label: string, url: string, after = '') => {
  const text = (value: string) => ({
    type: 'text',
    text: value,
    detail: 0,
    format: 0,
    mode: 'normal',
    style: '',
    version: 1,
  })
  return {
    type: 'paragraph',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    textFormat: 0,
    children: [
      text(before),
      {
        type: 'link',
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        version: 3,
        fields: { linkType: 'custom', url, newTab: false },
        children: [text(label)],
      },
      ...(after ? [text(after)] : []),
    ],
  }
}
