import { hostname } from 'node:os'

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

const levelNumbers = { info: 30, warn: 40, error: 50 } as const

/**
 * One line in pino's JSON format on stdout, for a process or a moment without Payload's logger
 * (the API host's primary, the Next app's server around Next), with the request id when there is
 * one.
 */
export const writeJsonLogLine = (
  level: keyof typeof levelNumbers,
  msg: string,
  fields: Record<string, unknown> = {},
): void => {
  const requestId = currentRequestId()
  const line = {
    level: levelNumbers[level],
    time: Date.now(),
    pid: process.pid,
    hostname: hostname(),
    ...(requestId ? { requestId } : {}),
    ...fields,
    msg,
  }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

/** An error as pino's `err` serializer writes it. */
export const serializedError = (error: unknown) =>
  error instanceof Error
    ? { type: error.name, message: error.message, stack: error.stack }
    : { message: String(error) }
