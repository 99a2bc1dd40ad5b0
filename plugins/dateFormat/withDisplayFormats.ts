import type { DateField, Field } from 'payload'

import { dayPattern, timePattern } from '../../src/lib/time'

/** A day picker shows a day; a picker with a time shows the instant. */
const displayFormatOf = (field: DateField): string | undefined => {
  const appearance = field.admin?.date?.pickerAppearance ?? 'default'
  if (appearance === 'default' || appearance === 'dayOnly') return dayPattern
  if (appearance === 'dayAndTime') return timePattern
  return undefined
}

const withDisplayFormat = (field: DateField): DateField => {
  const displayFormat = field.admin?.date?.displayFormat ?? displayFormatOf(field)
  if (!displayFormat) return field
  return {
    ...field,
    admin: { ...field.admin, date: { ...field.admin?.date, displayFormat } } as DateField['admin'],
  }
}

/**
 * Every date field among `fields` (inside rows, groups, arrays, tabs and blocks too) shows its
 * value in the hub's one format, unless it names a format of its own: Payload's date picker
 * otherwise writes `MM/dd/yyyy` or `MMM d, yyy h:mm a`.
 */
export const withDisplayFormats = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'date') return withDisplayFormat(field)
    if (field.type === 'tabs')
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withDisplayFormats(tab.fields) })),
      }
    if (field.type === 'blocks')
      return {
        ...field,
        blocks: field.blocks.map((block) => ({
          ...block,
          fields: withDisplayFormats(block.fields),
        })),
      }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: withDisplayFormats(field.fields) } as Field
    return field
  })
