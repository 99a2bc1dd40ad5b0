import { stat } from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

type UploadHandler = NonNullable<
  Exclude<SanitizedCollectionConfig['upload'], false | undefined>['handlers']
>[number]

/**
 * The last upload handler of a collection stored on local disk: a file missing from the disk is
 * 404 FILE_MISSING, logged as an error for staff, where Payload's file route answers 500.
 * Anything else (a file that is there, a name outside the folder) is left to Payload.
 */
export const answerMissingFile = (staticDir: string): UploadHandler => {
  const folder = path.resolve(staticDir)
  const handler = async (
    req: PayloadRequest,
    { params }: Parameters<UploadHandler>[1],
  ): Promise<Response | void> => {
    const filePath = path.resolve(folder, String(params.filename))
    if (!filePath.startsWith(folder + path.sep)) return
    const isMissing = await stat(filePath).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    )
    if (!isMissing) return
    req.payload.logger.error({
      msg: `File ${params.filename} of ${params.collection} is missing from storage (expected at ${filePath})`,
    })
    return Response.json(
      { errors: [{ message: 'The file is missing from storage' }], code: 'FILE_MISSING' },
      { status: 404 },
    )
  }
  // Payload types a handler as answering a Response or nothing, not "a Response or nothing" later.
  return handler as UploadHandler
}
