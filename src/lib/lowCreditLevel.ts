/**
 * The low-credit level a license alerts below when it sets none: a tenth of the credits it held
 * after its last top-up, rounded up. Written as PostgreSQL computes it in `spendAtOnce`
 * (`ceil(credits_at_top_up / 10.0)`), so that the one-statement path and the transaction agree on
 * when the alert is due.
 */
export const defaultLowCreditLevel = (creditsAtTopUp: number): number =>
  Math.ceil(creditsAtTopUp / 10)
