import type { TemplateVariables } from './renderTemplate'

const hasScheme = (value: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(value)

/**
 * Every link variable (a name ending in `Url`) absolute from `publicUrl`: a mail is read far from
 * the hub, where a path means nothing. A link that already names its scheme is kept.
 */
export const withAbsoluteLinks = (
  variables: TemplateVariables,
  publicUrl: string,
): TemplateVariables =>
  Object.fromEntries(
    Object.entries(variables).map(([name, value]) =>
      name.endsWith('Url') && typeof value === 'string' && value && !hasScheme(value)
        ? [name, `${publicUrl}/${value.replace(/^\/+/, '')}`]
        : [name, value],
    ),
  )
