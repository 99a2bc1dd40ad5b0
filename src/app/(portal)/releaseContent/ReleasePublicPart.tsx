import { ChangelogEntries } from './ChangelogEntries'
import { DocumentationLinks } from './DocumentationLinks'
import type { ReleaseView } from './findRelease'
import { ReleaseHeading } from './ReleaseHeading'
import { ReleaseNotes } from './ReleaseNotes'
import { TeaserPlayer } from './TeaserPlayer'

/** What anyone may read of a release: heading, notes, changelog, teaser, documentation links. */
export const ReleasePublicPart = ({ view }: { view: ReleaseView }) => (
  <>
    <ReleaseHeading {...view} />
    <ReleaseNotes notes={view.release.notes} />
    <ChangelogEntries changelog={view.release.changelog} />
    <TeaserPlayer teaser={view.release.videoTeaser} />
    <DocumentationLinks links={view.release.docLinks} />
  </>
)
