// proxy-addr (the library express itself uses for "trust proxy") ships no types.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http'

  type Trust = (address: string, hop: number) => boolean
  function proxyaddr(req: IncomingMessage, trust: Trust): string
  namespace proxyaddr {
    function compile(addresses: string | string[]): Trust
    function all(req: IncomingMessage, trust?: Trust): string[]
  }
  export default proxyaddr
}
