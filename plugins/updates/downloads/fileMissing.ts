import type { Payload } from 'payload'

import type { Artifact } from '../../../payload-types'
import { ClientError } from '../../clientApi'

/**
 * An artifact whose record is kept but whose file is not in storage (not deleted by retention,
 * which would be ARTIFACT_GONE): the app gets 404 FILE_MISSING, staff an error in the log.
 */
export const fileMissing = (
  payload: Payload,
  artifact: Pick<Artifact, 'id' | 'filename'>,
  where: string,
): ClientError => {
  payload.logger.error({
    msg: `File ${artifact.filename} of artifact ${artifact.id} is missing from storage (expected at ${where})`,
  })
  return new ClientError(
    404,
    'FILE_MISSING',
    `The file of artifact ${artifact.id} is missing from storage; staff have been told`,
  )
}

/** Whether an S3 error says the object does not exist. */
export const isMissingObject = (error: unknown): boolean => {
  const name = (error as { name?: string; Code?: string } | null)?.name
  return name === 'NoSuchKey' || name === 'NotFound'
}
