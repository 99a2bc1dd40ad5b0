import type { Field } from 'payload'

/**
 * The customer's and the product's names, read with the license (one batched read per list page),
 * for the list's columns. The relationship columns Payload draws fetch their names from the
 * browser, and only for rows that have been scrolled into view: until then a row reads
 * "<No Customer>", as if it had none. These are in the page as it is served, sortable and
 * filterable like the names themselves. List columns only: the form has the relationships.
 */
export const licenseListNames: Field[] = [
  {
    name: 'customerName',
    label: 'Customer',
    type: 'text',
    virtual: 'customer.name',
    admin: { readOnly: true, condition: () => false },
  },
  {
    name: 'productName',
    label: 'Product',
    type: 'text',
    virtual: 'product.name',
    admin: { readOnly: true, condition: () => false },
  },
]
