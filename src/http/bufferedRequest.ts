import { BufferedBody, readBodyFromBuffer } from './bufferedBody'

/**
 * A web `Request` whose body the host has already read in full (client bodies are small), kept
 * as bytes (`BufferedBody`) instead of the stream a `Request` built with a body would wrap it in.
 */
export class BufferedRequest extends Request {
  constructor(
    url: URL | string,
    init: { method: string; headers: Headers },
    readonly buffered: BufferedBody,
  ) {
    super(url, init)
  }

  override clone(): BufferedRequest {
    return new BufferedRequest(
      this.url,
      { method: this.method, headers: new Headers(this.headers) },
      this.buffered.copy(),
    )
  }
}
readBodyFromBuffer(BufferedRequest.prototype)
