import type { Access } from 'payload'

/** Any staff member or customer account; public material is still not for anonymous visitors. */
export const isLoggedIn: Access = ({ req }) => Boolean(req.user)
