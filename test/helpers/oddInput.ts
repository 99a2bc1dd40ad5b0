import fc from 'fast-check'

// The generators of the odd-input property tests (docs/odd-input.md), shared by the in-process
// suite (test/security/oddInput.property.spec.ts), the cluster suite through nginx
// (test/e2e/cluster.e2e.ts), the portal's forms and the agent's relay.

/** An operation of the OpenAPI document of `/api/v1`, as far as the generators read it. */
export type OpenApiOperation = {
  parameters?: Array<{ name: string; in: string }>
  requestBody?: {
    content?: { 'application/json'?: { schema?: { properties?: Record<string, unknown> } } }
  }
}

/** `{ method, path, operation }` of every operation of an OpenAPI document. */
export const operationsOf = (document: {
  paths: Record<string, Record<string, OpenApiOperation>>
}): Array<{ method: string; path: string; operation: OpenApiOperation }> =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  )

/**
 * Strings an attacker or a broken client sends: empty, huge numbers, not-dates, control characters,
 * lists, JSON, any unicode.
 */
export const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'true',
    'false',
    '-1',
    '0',
    '1.5',
    '1e400',
    '99999999999999999999',
    'NaN',
    'Infinity',
    'notadate',
    '2026-13-45',
  ),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u001b[31m',
    '%00',
    '[]',
    '{}',
    'a,b',
    ',,,',
    '../../etc/passwd',
    "' OR 1=1 --",
    'x'.repeat(1000),
  ),
  fc.integer().map(String),
  fc.double().map(String),
)

/** Any JSON value a field may be sent: a known good one, an odd string, a number, a list… */
export const anyValue = (knownGood: fc.Arbitrary<unknown>) =>
  fc.oneof(
    knownGood,
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 2 }),
  )

/**
 * A body: JSON of the endpoint's own fields with good or odd values, any JSON, or bytes that are
 * not JSON.
 */
export const bodyFor = (
  operation: OpenApiOperation,
  knownGood: fc.Arbitrary<unknown>,
): fc.Arbitrary<string | undefined> => {
  const fields = Object.keys(
    operation.requestBody?.content?.['application/json']?.schema?.properties ?? {},
  )
  const ownFields = fields.length
    ? fc.dictionary(fc.constantFrom(...fields), anyValue(knownGood), { maxKeys: fields.length })
    : fc.constant({})
  return fc.oneof(
    { weight: 4, arbitrary: ownFields.map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constant(undefined) },
  )
}

/** A query string of the endpoint's own parameters (good or odd values) and a stray one. */
export const queryFor = (
  operation: OpenApiOperation,
  knownGood: fc.Arbitrary<unknown>,
): fc.Arbitrary<string> => {
  const names = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => parameter.name)
  const value = fc.oneof(knownGood.map(String), oddString)
  const own = names.length
    ? fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length })
    : fc.constant({})
  return fc
    .tuple(own, fc.option(fc.tuple(oddString, oddString), { nil: undefined }))
    .map(([pairs, stray]) =>
      new URLSearchParams([
        ...Object.entries(pairs as Record<string, string>),
        ...(stray ? [stray] : []),
      ]).toString(),
    )
}

/** The path with each `{param}` replaced by a non-empty odd value or `realId`. */
export const pathFor = (path: string, realId: string): fc.Arbitrary<string> => {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
  const value = fc.oneof(
    fc.constant(realId),
    oddString.filter((text) => text.length > 0),
  )
  return fc
    .array(value, { minLength: params.length, maxLength: params.length })
    .map((values) =>
      params.reduce(
        (filled, name, index) => filled.replace(`{${name}}`, encodeURIComponent(values[index])),
        path,
      ),
    )
}

/**
 * A client address per request, so the per-address rate limits do not hide the endpoints behind
 * 429s.
 */
export const clientAddress = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`)

export const describeAnswer = (answer: { status: number; body: unknown }) =>
  `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`
