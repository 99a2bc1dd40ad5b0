import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index as postgresIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

const indexName = 'licenses_texts_parent_path_idx'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TextsColumns = Record<string, any>
type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * A license's modules are rows of `licenses_texts` (a hasMany text field), which Payload indexes
 * by (order, parent) only: no lookup by license can use that, so reading one license's modules
 * (every validation) scanned the module rows of every license. These hooks index them by
 * (parent, path); pass the one of your adapter as its `afterSchemaInit`.
 */
export const indexModulesByLicense = {
  sqlite: (({ schema, extendTable }) => {
    extendTable({
      table: schema.tables.licenses_texts,
      extraConfig: (columns: TextsColumns) => ({ [indexName]: sqliteIndex(indexName).on(columns.parent, columns.path) }),
    })
    return schema
  }) satisfies SQLiteSchemaHook,
  postgres: (({ schema, extendTable }) => {
    extendTable({
      table: schema.tables.licenses_texts,
      extraConfig: (columns: TextsColumns) => ({ [indexName]: postgresIndex(indexName).on(columns.parent, columns.path) }),
    })
    return schema
  }) satisfies PostgresSchemaHook,
}
