/**
 * How much of a request body either host reads. Client bodies (`readJsonBody`) have their own,
 * smaller cap; these are the hosts' outer bounds, enforced while the body streams in.
 */

/**
 * An uploaded file's size limit (Payload `upload.limits.fileSize`: over it Payload answers 413).
 */
export const uploadFileSizeLimit = 4 * 1024 ** 3

/** Room for a multipart body's other parts (fields, boundaries) around its file. */
const multipartOverheadBytes = 1024 ** 2

/** Any other body: JSON to Payload's REST and GraphQL, server actions, the client API. */
export const requestBodyLimit = 2 * 1024 ** 2

/** The most bytes of body a request of this Content-Type may carry (uploads are multipart). */
export const bodyLimitFor = (contentType: string | undefined): number =>
  contentType?.toLowerCase().startsWith('multipart/form-data')
    ? uploadFileSizeLimit + multipartOverheadBytes
    : requestBodyLimit

/** The refusal both hosts and the client API answer with, status 413. */
export const payloadTooLarge = (limit: number) => ({
  code: 'PAYLOAD_TOO_LARGE',
  message: `Body larger than ${limit} bytes`,
})
