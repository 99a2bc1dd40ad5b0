export type TemplateVariables = Record<string, string | number | boolean | null | undefined>

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

const fill = (
  text: string,
  variables: TemplateVariables,
  escape: (value: string) => string,
): string =>
  text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g, (_, name: string) =>
    escape(String(variables[name] ?? '')),
  )

/** Fills `{{name}}` placeholders; the HTML part escapes values and keeps line breaks. */
export const renderTemplate = (
  template: { subject: string; body: string },
  variables: TemplateVariables,
): { subject: string; text: string; html: string } => {
  const text = fill(template.body, variables, (value) => value)
  const html = escapeHtml(template.body)
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${fill(paragraph, variables, escapeHtml).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  return {
    subject: fill(template.subject, variables, (value) => value).replace(/[\r\n]+/g, ' '),
    text,
    html,
  }
}
