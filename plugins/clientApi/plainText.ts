import { z } from 'zod'

import {
  controlCharactersMessage,
  multiLinePattern,
  singleLinePattern,
} from '../../collections/validation/controlCharacters'

/**
 * A string of one line, without control characters (NUL and the like are 400 BAD_REQUEST, as any
 * bad input).
 */
export const plainText = () => z.string().regex(singleLinePattern, controlCharactersMessage)

/** A string that may have tabs and line breaks, but no other control characters. */
export const multiLineText = () => z.string().regex(multiLinePattern, controlCharactersMessage)
