import { formatNames, toWords, type CollectionConfig, type GraphQLExtension } from 'payload'

/** The name @payloadcms/graphql gives a collection's login mutation (schema/initCollections.js). */
const loginMutationOf = (collection: CollectionConfig): string => {
  const singularName =
    typeof collection.graphQL === 'object' ? collection.graphQL.singularName : undefined
  return `login${singularName ? toWords(singularName, true) : formatNames(collection.slug).singular}`
}

/**
 * Takes the login mutations of `collections` out of the GraphQL schema, keeping whatever custom
 * mutations the config had. Nothing signs in over GraphQL (the admin, the portal and the apps use
 * REST or the Local API), and Payload's GraphQL handler logs each failed login there as a
 * `GraphQLError` with its stack, whatever `loggingLevels` say about the error inside it.
 * Payload hands its own mutation fields in `context.Mutation`: the one place to remove one.
 */
export const withoutLoginMutations =
  (collections: CollectionConfig[], customMutations?: GraphQLExtension): GraphQLExtension =>
  (graphQL, context) => {
    for (const collection of collections)
      delete context.Mutation.fields[loginMutationOf(collection)]
    return customMutations?.(graphQL, context) ?? {}
  }
