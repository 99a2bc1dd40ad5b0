import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import type { CollectionBeforeChangeHook } from 'payload'

/** sha256 and size of the uploaded bytes, computed on the server: never taken from the uploader. */
export const computeChecksum: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  if (!file) return data
  const hash = createHash('sha256')
  let size = 0
  if (file.tempFilePath) {
    for await (const chunk of createReadStream(file.tempFilePath)) {
      hash.update(chunk as Buffer)
      size += (chunk as Buffer).length
    }
  } else {
    hash.update(file.data)
    size = file.data.length
  }
  return { ...data, sha256: hash.digest('hex'), size }
}
