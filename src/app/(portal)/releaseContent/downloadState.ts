/** What a download button shows after its form was sent: nothing, or why it did not start. */
export type DownloadState = { error?: string }
