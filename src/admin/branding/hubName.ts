/** What the back office is called, before or after the vendor's name. */
export const hubName = 'License & Update Hub'

/** Where the hub's mark is served (public/hub-mark.svg): the favicon, the login logo, the nav icon. */
export const hubMarkUrl = '/hub-mark.svg'

/** The tab title: "ProMonitor License & Update Hub". */
export const hubTitle = (vendorName: string): string => `${vendorName} ${hubName}`
