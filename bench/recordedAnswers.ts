/** Answers recorded from the API host, replayed byte for byte by the bare server. */
export type RecordedAnswer = {
  method: string
  /** Path and query, exactly as requested. */
  path: string
  /** Recorded with If-None-Match (the 304 path). */
  conditional: boolean
  status: number
  headers: Array<[string, string]>
  bodyBase64: string
}

export type RecordedAnswers = { answers: RecordedAnswer[]; file?: { path: string; size: number } }
