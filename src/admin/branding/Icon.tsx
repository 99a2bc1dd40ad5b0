import { hubMarkUrl, hubTitle } from './hubName'

/** The admin's header and nav: the hub's mark alone. */
export const Icon = ({ vendorName }: { vendorName: string }) => (
  <img className="hub-icon" src={hubMarkUrl} alt={hubTitle(vendorName)} width={25} height={25} />
)
