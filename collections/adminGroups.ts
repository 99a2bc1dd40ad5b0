/**
 * The admin's sidebar groups, by the job staff come to do: write content, ship releases, look
 * after customers and their licenses, send mail, run the system.
 */
export const adminGroups = {
  content: 'Content',
  releases: 'Releases',
  customers: 'Customers & licenses',
  mail: 'Mail',
  system: 'System',
} as const
