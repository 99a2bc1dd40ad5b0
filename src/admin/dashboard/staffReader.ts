import {
  type CollectionSlug,
  createLocalReq,
  getAccessResults,
  type Payload,
  type TypedUser,
} from 'payload'

/**
 * What the dashboard and the search read with: the Local API as the signed-in staff member
 * (`overrideAccess: false`), and that member's permissions, so a collection or field the role may
 * not read is left out rather than shown as empty.
 */
export type StaffReader = {
  payload: Payload
  user: TypedUser
  canRead: (collection: CollectionSlug) => boolean
  canReadField: (collection: CollectionSlug, field: string) => boolean
}

export const staffReaderFor = async (payload: Payload, user: TypedUser): Promise<StaffReader> => {
  const req = await createLocalReq({ user }, payload)
  const permissions = await getAccessResults({ req })
  const collectionPermission = (collection: CollectionSlug) => permissions.collections?.[collection]
  return {
    payload,
    user,
    canRead: (collection) => collectionPermission(collection)?.read === true,
    canReadField: (collection, field) => {
      const permission = collectionPermission(collection)
      if (permission?.read !== true) return false
      const fields = permission.fields
      if (fields === true) return true
      const fieldPermission = fields?.[field]
      return fieldPermission === true || fieldPermission?.read === true
    },
  }
}
