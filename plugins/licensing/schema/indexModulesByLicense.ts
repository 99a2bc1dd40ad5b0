import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index as postgresIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]
// Each dialect's table and index builder types differ; the calls made here are the same.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumns = Record<string, any>
type IndexBuilder = (name: string) => { on: (...columns: AnyColumns[string][]) => unknown }

const indexName = 'licenses_texts_parent_path_idx'

const indexModulesWith =
  (index: IndexBuilder) =>
  <Schema extends { tables: AnyColumns }>({
    schema,
    extendTable,
  }: {
    schema: Schema
    extendTable: (args: {
      table: AnyColumns[string]
      extraConfig: (columns: AnyColumns) => object
    }) => void
  }): Schema => {
    extendTable({
      table: schema.tables.licenses_texts,
      extraConfig: (columns) => ({
        [indexName]: index(indexName).on(columns.parent, columns.path),
      }),
    })
    return schema
  }

/**
 * A license's modules are rows of `licenses_texts` (a hasMany text field), which Payload indexes
 * by (order, parent) only: no lookup by license can use that, so reading one license's modules
 * (every validation) scanned the module rows of every license. These hooks index them by
 * (parent, path); pass the one of your adapter as its `afterSchemaInit`.
 */
export const indexModulesByLicense = {
  sqlite: indexModulesWith(sqliteIndex as IndexBuilder) as SQLiteSchemaHook,
  postgres: indexModulesWith(postgresIndex as IndexBuilder) as PostgresSchemaHook,
}
