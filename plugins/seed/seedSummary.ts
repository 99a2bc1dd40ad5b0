import type { SeededLicense } from './seed'

/**
 * What a newcomer needs after the seed: where to log in and the demo license keys, ready to paste.
 * Keys may contain `$` (a check symbol), so the example quotes them for the shell.
 */
export const seedSummary = (
  licenses: SeededLicense[],
  { passwordHint, publicUrl }: { passwordHint: string; publicUrl: string },
): string => {
  const rows = licenses.map((license) => [
    license.key,
    license.company,
    `${license.product} ${license.line}`,
    license.type,
    license.state,
  ])
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  const table = rows.map((row) =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd(),
  )
  const example =
    licenses.find(
      (license) => license.product === 'promonitor' && license.state.startsWith('active'),
    ) ?? licenses[0]
  return [
    `Seeded. Log into /admin as admin@example.com with password ${passwordHint}.`,
    'Demo license keys (quote them in a shell: a key may contain $):',
    ...table,
    `Try: curl -s ${publicUrl}/api/v1/licenses/validate -H 'content-type: application/json' -d '{"key":"${example.key}","nonce":"n1"}'`,
  ].join('\n')
}
