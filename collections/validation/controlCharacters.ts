/** Text of one line: no control characters at all (U+0000–U+001F, U+007F). */
export const singleLinePattern = /^[^\u0000-\u001F\u007F]*$/

/**
 * Text of several lines: tab, line feed and carriage return are allowed, other control characters
 * not.
 */
export const multiLinePattern = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/

export const controlCharactersMessage = 'Control characters (such as NUL) are not allowed'

/**
 * Whether a string (or any string in a list) holds control characters; tab and line breaks count
 * only when `multiLine` is false.
 */
export const hasControlCharacters = (
  value: unknown,
  { multiLine = false }: { multiLine?: boolean } = {},
): boolean => {
  const pattern = multiLine ? multiLinePattern : singleLinePattern
  return (Array.isArray(value) ? value : [value]).some(
    (item) => typeof item === 'string' && !pattern.test(item),
  )
}
