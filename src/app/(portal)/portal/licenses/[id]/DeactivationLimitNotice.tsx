import { customerDeactivationLimit } from '../../../../../../plugins/licensing'

/** What a customer reads once the portal's deactivations of this license are used up. */
export const DeactivationLimitNotice = () => (
  <p className="notice" role="status">
    You have deactivated {customerDeactivationLimit.count} installations of this license in the last{' '}
    {customerDeactivationLimit.days} days, the most the portal allows. To deactivate another,
    contact ProMonitor support: they can free a seat for you.
  </p>
)
