const decoder = new TextDecoder()
const encoder = new TextEncoder()

/**
 * A web body held as the bytes it is, for a `Request` or `Response` whose body is small and
 * already whole. `Request`/`Response` built with a body wrap it in a web stream and read it back
 * through that stream; on the client API's hot paths that cost a tenth of the CPU each way. Here
 * `text()`, `json()`, `arrayBuffer()` and `blob()` hand the bytes over directly, and `stream` is
 * made
 * only when someone asks for `body`. Read once, like any web body.
 */
export class BufferedBody {
  #used = false
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined

  constructor(readonly bytes: Uint8Array<ArrayBuffer>) {}

  static ofText(text: string): BufferedBody {
    return new BufferedBody(encoder.encode(text) as Uint8Array<ArrayBuffer>)
  }

  get stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return (this.#stream ??= new Blob([this.bytes]).stream())
  }

  get used(): boolean {
    return this.#used || Boolean(this.#stream?.locked)
  }

  /** The bytes, once: unless someone is reading them through `stream` already. */
  take(): Uint8Array<ArrayBuffer> {
    this.#refuseIfUsed()
    this.#used = true
    return this.bytes
  }

  /**
   * An unread body of the same bytes, for `clone()`; refused once this one is read, as a web body's
   * clone is.
   */
  copy(): BufferedBody {
    this.#refuseIfUsed()
    return new BufferedBody(this.bytes)
  }

  #refuseIfUsed(): void {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read')
  }

  text(): string {
    return decoder.decode(this.take())
  }

  arrayBuffer(): ArrayBuffer {
    const bytes = this.take()
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  }

  blob(type: string | null): Blob {
    return new Blob([this.take()], { type: type ?? '' })
  }

  formData(type: string | null): Promise<FormData> {
    return new Response(this.take(), { headers: { 'content-type': type ?? '' } }).formData()
  }
}

type WithBufferedBody = (Request | Response) & { readonly buffered: BufferedBody }

/**
 * Makes a `Request` or `Response` subclass read its body from its `buffered` field: `body`,
 * `bodyUsed`, `text()`, `json()`, `arrayBuffer()`, `blob()` and `formData()` (what web code reads).
 */
export const readBodyFromBuffer = (prototype: WithBufferedBody): void => {
  const members: ThisType<WithBufferedBody> & Record<string, unknown> = {
    get body() {
      return this.buffered.stream
    },
    get bodyUsed() {
      return this.buffered.used
    },
    async arrayBuffer() {
      return this.buffered.arrayBuffer()
    },
    async text() {
      return this.buffered.text()
    },
    async json() {
      return JSON.parse(this.buffered.text())
    },
    async blob() {
      return this.buffered.blob(this.headers.get('content-type'))
    },
    async formData() {
      return this.buffered.formData(this.headers.get('content-type'))
    },
  }
  Object.defineProperties(prototype, Object.getOwnPropertyDescriptors(members))
}
