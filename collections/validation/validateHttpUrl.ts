export const validateHttpUrl = (value: unknown): string | true => {
  try {
    return ['http:', 'https:'].includes(new URL(String(value)).protocol) || 'An http(s) URL'
  } catch {
    return 'An http(s) URL'
  }
}
