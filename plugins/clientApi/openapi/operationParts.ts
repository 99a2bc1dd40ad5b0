import { z } from 'zod'

import { jsonSchemaOf } from './jsonSchemaOf'

// The pieces an endpoint's OpenAPI operation is made of, each from the zod schema the endpoint
// parses or answers with, so the document cannot drift from the code.

/** The one error shape: `{ code, message }` (components.schemas.Error). */
export const errorSchema = z.object({
  code: z.string().meta({ description: 'Stable, for programs', examples: ['BAD_REQUEST'] }),
  message: z.string().meta({ description: 'For people' }),
})

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }

/** A documented refusal: its description names the `code`. */
export const refusal = (description: string) => ({ description, content: errorContent })

/** The request body an endpoint parses with `schema` (readJsonBody). */
export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'input') } },
})

/** A JSON answer of the shape `schema` describes. */
export const documentedAnswer = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'output') } },
})

/** The query parameters an endpoint parses with `schema` (readQuery), one per property. */
export const queryParameters = (schema: z.ZodObject) => {
  const { properties = {}, required = [] } = jsonSchemaOf(schema, 'input') as {
    properties?: Record<string, Record<string, unknown>>
    required?: string[]
  }
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }))
}

/** `signed`: the compact JWS of an answer, of the kind given. */
export const signedField = (kind: string) =>
  z.string().meta({
    description: `Compact JWS (EdDSA), typ \`${kind}\`, of the other fields plus \`iat\` and \`nonce\`; verify with /api/v1/keys`,
  })

/** `nonce`: echoed in `signed`, so an answer cannot be replayed. */
export const nonceMeta = { description: 'Echoed in `signed`, so the answer cannot be replayed' }

/** A database id: a number on SQL databases. */
export const idSchema = z.union([z.number().int(), z.string()])
