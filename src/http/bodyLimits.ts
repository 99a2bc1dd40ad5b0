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

/**
 * A body posted to a page rather than `/api/`: a server action (the portal's forms, Payload's
 * admin). Next's own cap for them (`serverActions.bodySizeLimit`, 1 MB by default), which Next
 * enforces by throwing into a 500: refused here first with a 413.
 */
export const serverActionBodyLimit = 1024 ** 2

/**
 * The most bytes of body a request of this Content-Type to this path may carry (uploads are
 * multipart, to `/api/`).
 */
export const bodyLimitFor = (contentType: string | undefined, pathname = '/api/'): number => {
  if (!pathname.startsWith('/api/')) return serverActionBodyLimit
  return contentType?.toLowerCase().startsWith('multipart/form-data')
    ? uploadFileSizeLimit + multipartOverheadBytes
    : requestBodyLimit
}

/** The refusal both hosts and the client API answer with, status 413. */
export const payloadTooLarge = (limit: number) => ({
  code: 'PAYLOAD_TOO_LARGE',
  message: `Body larger than ${limit} bytes`,
})
