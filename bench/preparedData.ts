/** What `prepare.ts` hands the bench: a usable license key and the big artifact it uploaded. */
export type PreparedData = {
  licenseKey: string
  artifact: { id: number | string; sha256: string; size: number; storedFile: string }
}
