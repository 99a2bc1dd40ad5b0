/** The daemon listens on 127.0.0.1 at this port unless told another. */
export const defaultDaemonPort = 47800
