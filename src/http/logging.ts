import { defaultLoggerOptions, type Config } from 'payload'

import { currentRequestId } from './requestContext'

/** Field names whose values are secrets wherever they sit in a logged object. */
const secretFields = [
  'key',
  'licenseKey',
  'apiKey',
  'token',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]

/** pino's paths match one level per `*`: secrets are looked for this deep. */
const redactDepth = 4

/** Every path `redact` censors: each secret field at the top and up to `redactDepth` levels down. */
export const redactPaths: string[] = Array.from({ length: redactDepth + 1 }, (_, depth) =>
  secretFields.map((field) =>
    [...Array<string>(depth).fill('*'), /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`]
      .join('.')
      .replace('.[', '['),
  ),
).flat()

type LoggerConfig = Extract<NonNullable<Config['logger']>, { options: unknown }>

/**
 * Payload's logger (pino) for both hosts: JSON lines (pino's own format) when `json`, Payload's
 * pretty output otherwise; every line written while a request is handled carries its
 * `requestId`; secrets in logged objects are censored (`redactPaths`).
 */
export const loggerConfig = ({ json, level = 'info' }: { json: boolean; level?: string }) =>
  ({
    options: {
      level,
      mixin: () => {
        const requestId = currentRequestId()
        return requestId ? { requestId } : {}
      },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination: json ? undefined : defaultLoggerOptions,
  }) satisfies LoggerConfig
