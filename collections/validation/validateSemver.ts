import semver from 'semver'

export const validateSemver = (value: unknown): string | true =>
  (typeof value === 'string' && semver.valid(value) === value) || 'A semantic version such as 7.4.1'

export const validateSemverRange = (value: unknown): string | true =>
  (typeof value === 'string' && semver.validRange(value) !== null) ||
  'A semver range such as >=7.3.0'
