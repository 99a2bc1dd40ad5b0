// Child process of the bench: grows the bench database's catalogue to `<licenses>` licenses (copies
// of a seeded one, each with its own key index and one module, spread over the seeded customers)
// and makes the bench license a site license with `<activations>` installations, then settles the
// database (see `settle`).
// Rows are written straight in SQL, a batch at a time: a million licenses through Payload's API
// would take hours and measure nothing the bench is about.
import { getPayload, type Payload } from 'payload'

import { findLicenseByKey } from '../plugins/licensing'
import { drizzleFor, sql } from '../src/database/database'
import { getTableColumns } from '@payloadcms/db-sqlite/drizzle'

const [licensesWanted, activationsWanted, licenseKey] = [
  Number(process.argv[2]),
  Number(process.argv[3]),
  process.argv[4],
]
if (!(licensesWanted > 0) || !(activationsWanted >= 0) || !licenseKey)
  throw new Error('usage: growCatalogue.ts <licenses> <activations on the bench license> <key>')

const batchSize = 100_000

type Dialect = 'postgres' | 'sqlite'

const dialectOf = (payload: Payload): Dialect =>
  payload.db.name === 'postgres' ? 'postgres' : 'sqlite'

const rowsOf = async (payload: Payload, text: string): Promise<Record<string, unknown>[]> => {
  const statement = sql.raw(text)
  const database = await drizzleFor(payload)
  return dialectOf(payload) === 'postgres'
    ? ((await database.execute(statement)) as { rows: Record<string, unknown>[] }).rows
    : ((await database.all(statement)) as Record<string, unknown>[])
}

const run = async (payload: Payload, text: string): Promise<void> => {
  const statement = sql.raw(text)
  const database = await drizzleFor(payload)
  if (dialectOf(payload) === 'postgres') await database.execute(statement)
  else await database.run(statement)
}

const countOf = async (payload: Payload, table: string, where = 'true'): Promise<number> =>
  Number((await rowsOf(payload, `select count(*) as n from ${table} where ${where}`))[0].n)

/** Column names of a collection's table, but the id (the database numbers new rows). */
const columnsOf = (payload: Payload, table: string): string[] =>
  Object.values(getTableColumns(payload.db.tables[table]))
    .map((column) => (column as { name: string }).name)
    .filter((name) => name !== 'id')

/** `from <numbers>` giving `n` = first..last, in either dialect. */
const numbersFrom = (dialect: Dialect, first: number, last: number): string =>
  dialect === 'postgres'
    ? `generate_series(${first}, ${last}) as numbers(n)`
    : `(with recursive numbers(n) as (select ${first} union all select n + 1 from numbers where n < ${last}) select n from numbers)`

/** A unique text per row: what an HMAC index or a fingerprint looks like, 64 hex digits. */
const randomHex = (dialect: Dialect, salt: string): string =>
  dialect === 'postgres'
    ? `md5(random()::text || n::text) || md5(n::text || '${salt}')`
    : `lower(hex(randomblob(32)))`

const quoted = (name: string) => `"${name}"`

const copyRows = async (
  payload: Payload,
  table: string,
  templateId: number | string,
  count: number,
  overrides: Record<string, string>,
): Promise<void> => {
  const dialect = dialectOf(payload)
  const columns = columnsOf(payload, table)
  for (let first = 1; first <= count; first += batchSize) {
    const last = Math.min(count, first + batchSize - 1)
    const values = columns.map((column) => overrides[column] ?? `template.${quoted(column)}`)
    await run(
      payload,
      `insert into ${table} (${columns.map(quoted).join(', ')})
       select ${values.join(', ')}
       from ${numbersFrom(dialect, first, last)} cross join (select * from ${table} where id = ${templateId}) as template`,
    )
  }
}

const grow = async (payload: Payload) => {
  const dialect = dialectOf(payload)
  const license = await findLicenseByKey(payload, licenseKey)
  if (!license) throw new Error('Bench data: the bench license is not in the database')
  const startedAt = Date.now()

  const customers = (await rowsOf(payload, 'select id from customers order by id')).map(
    (row) => row.id,
  )
  const customerOf = `case n % ${customers.length} ${customers.map((id, index) => `when ${index} then ${id}`).join(' ')} end`
  const licensesBefore = await countOf(payload, 'licenses')
  const lastIdBefore = Number((await rowsOf(payload, 'select max(id) as id from licenses'))[0].id)
  await copyRows(payload, 'licenses', license.id, Math.max(0, licensesWanted - licensesBefore), {
    key_index: randomHex(dialect, 'license'),
    customer_id: customerOf,
    creation_key: 'null',
    validation_count: '0',
    last_validated_at: 'null',
  })
  await run(
    payload,
    `insert into licenses_texts ("order", parent_id, path, text)
     select 1, id, 'modules', 'alerting' from licenses where id > ${lastIdBefore}`,
  )

  const activationsBefore = await countOf(payload, 'activations', `license_id = ${license.id}`)
  const template = (
    await rowsOf(payload, `select id from activations order by license_id = ${license.id} desc, id`)
  )[0]
  if (!template) throw new Error('Bench data: the seed has no activation to copy')
  await copyRows(
    payload,
    'activations',
    template.id as number,
    activationsWanted - activationsBefore,
    {
      license_id: String(license.id),
      fingerprint: randomHex(dialect, 'fingerprint'),
      hostname: `'retired-host-' || n`,
    },
  )
  const installations = await countOf(payload, 'activations', `license_id = ${license.id}`)
  await run(
    payload,
    `update licenses set max_clients = ${installations}, active_clients = ${installations} where id = ${license.id}`,
  )
  await settle(payload)

  return {
    licenses: await countOf(payload, 'licenses'),
    activationsOfBenchLicense: installations,
    seconds: (Date.now() - startedAt) / 1000,
  }
}

/**
 * Leaves the database as a long-running one would be: statistics fresh, and the bulk insert out of
 * the write-ahead log. Without it, SQLite readers searched a WAL of a million rows' pages on every
 * lookup (validate took twice the CPU), and PostgreSQL's autovacuum would run during them.
 */
const settle = async (payload: Payload): Promise<void> => {
  if (dialectOf(payload) === 'postgres') {
    await run(payload, 'vacuum analyze')
    await run(payload, 'checkpoint')
  } else {
    await run(payload, 'analyze')
    const [result] = await rowsOf(payload, 'pragma wal_checkpoint(truncate)')
    if (Number(result?.busy) !== 0)
      console.warn(`The WAL checkpoint was blocked by a reader: ${JSON.stringify(result)}`)
  }
}

const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
try {
  const grown = await grow(payload)
  process.stdout.write(`\nGROWN ${JSON.stringify(grown)}\n`)
  await payload.destroy()
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
