const beginLine = '-----BEGIN LICENSE FILE-----'
const endLine = '-----END LICENSE FILE-----'
const lineLength = 64
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

/**
 * Wraps a license file JWS for copy and paste (e-mail, support tickets, the app's license textbox).
 */
export function armorLicenseFile(jws: string): string {
  if (!compactJws.test(jws)) throw new Error('Not a compact JWS')
  const lines = jws.match(new RegExp(`.{1,${lineLength}}`, 'g')) ?? []
  return `${beginLine}\n${lines.join('\n')}\n${endLine}\n`
}

/**
 * The compact JWS inside armoured text, or the text itself when it is a bare JWS. Line breaks and
 * blank lines are ignored because mail clients and text boxes add them; anything else throws.
 */
export function unarmorLicenseFile(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.trim())
  const isArmoured = lines[0] === beginLine
  if (isArmoured && lines[lines.length - 1] !== endLine)
    throw new Error('License file armour is not closed')
  const inner = isArmoured ? lines.slice(1, -1) : lines
  const jws = inner.join('')
  if (!compactJws.test(jws)) throw new Error('Not a license file')
  return jws
}
