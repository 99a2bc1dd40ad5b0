import { refusal } from '../../clientApi'

// The refusals the licensing endpoints document (each a `{ code, message }` answer).

export const badRequestRefusal = refusal(
  '`BAD_REQUEST`: not JSON, a field missing, too long (key > 256 characters) or of the wrong type. Nothing changed.',
)
export const badCustomerKeyRefusal = refusal('`UNAUTHORIZED`: no or a bad customer account API key')
