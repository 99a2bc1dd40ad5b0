import type { Field, Validate } from 'payload'
import { code, email, text, textarea } from 'payload/shared'

import { controlCharactersMessage, hasControlCharacters } from './controlCharacters'

const defaultValidations: Record<string, Validate> = { text, email, textarea, code } as never
const multiLineTypes = new Set(['textarea', 'code'])

type TextLikeField = Field & { type: 'text' | 'email' | 'textarea' | 'code'; validate?: Validate }

/**
 * The field's own validation (or Payload's default for its type), after a refusal of control
 * characters.
 */
const withoutControlCharacters = (field: TextLikeField): Field => {
  const validate: Validate = field.validate ?? defaultValidations[field.type]
  const multiLine = multiLineTypes.has(field.type)
  return {
    ...field,
    validate: (value: unknown, options: never) =>
      hasControlCharacters(value, { multiLine })
        ? controlCharactersMessage
        : validate(value, options),
  } as Field
}

/**
 * Every text, email, textarea and code field among `fields` (inside rows, groups, arrays, tabs and
 * blocks too) refuses control characters: none in one-line text, only tab and line breaks in
 * textareas and code. Rich text and JSON are left as they are.
 */
export const refuseControlCharacters = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type in defaultValidations) return withoutControlCharacters(field as TextLikeField)
    if (field.type === 'tabs')
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: refuseControlCharacters(tab.fields) })),
      }
    if (field.type === 'blocks')
      return {
        ...field,
        blocks: field.blocks.map((block) => ({
          ...block,
          fields: refuseControlCharacters(block.fields),
        })),
      }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: refuseControlCharacters(field.fields) } as Field
    return field
  })
