import { z } from 'zod'

type JsonSchema = Record<string, unknown>

const safeIntegerBounds = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])

/**
 * Drops what zod writes that says nothing to a reader: the safe-integer bounds of every `.int()`
 * and the long pattern beside `format: date-time`.
 */
const tidy = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(tidy)
  if (typeof node !== 'object' || node === null) return node
  const tidied: JsonSchema = {}
  for (const [name, value] of Object.entries(node)) {
    if ((name === 'minimum' || name === 'maximum') && safeIntegerBounds.has(value as number))
      continue
    if (name === 'pattern' && (node as JsonSchema).format === 'date-time') continue
    tidied[name] = tidy(value)
  }
  return tidied
}

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema: what a client may send
 * (`input`, before defaults and trimming) or what it is answered (`output`). Checks that JSON
 * Schema cannot say (refinements) are left out; the server still applies them.
 */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema
  return tidy(jsonSchema) as JsonSchema
}
