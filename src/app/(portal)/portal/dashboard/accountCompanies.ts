import type { CustomerReader } from './dashboardLicenses'

export type AccountCompany = { id: number; name: string }

/** The companies the account acts for, by name, read as the account. */
export const accountCompanies = async ({
  payload,
  user,
}: CustomerReader): Promise<AccountCompany[]> => {
  const { docs } = await payload.find({
    collection: 'customers',
    user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'name',
    select: { name: true },
  })
  return docs.map((company) => ({ id: company.id, name: company.name }))
}
