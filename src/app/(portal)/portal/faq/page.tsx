import config from '@payload-config'
import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { getPayload } from 'payload'

import { faqTopics } from '../../../../../collections/Faqs'
import type { Faq } from '../../../../../payload-types'
import styles from './faq.module.css'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'FAQ · ProMonitor portal' }

const topicTitles: Record<(typeof faqTopics)[number], string> = {
  licensing: 'Licenses',
  install: 'Installation',
  updates: 'Updates',
  billing: 'Billing',
  other: 'Other questions',
}

const topicAnchor = (topic: string) => `topic-${topic}`
const questionAnchor = (faq: Pick<Faq, 'id'>) => `faq-${faq.id}`

/**
 * The frequently asked questions, public: a table of contents, then each topic with its questions,
 * every topic and question an anchor to link to. Wiki pages that belong to no release follow.
 */
export default async function FaqPage() {
  const payload = await getPayload({ config })
  const [faqs, wikiLinks] = await Promise.all([
    payload.find({
      collection: 'faqs',
      overrideAccess: false,
      depth: 0,
      pagination: false,
      sort: ['order', 'question'],
    }),
    payload.find({
      collection: 'doc-links',
      overrideAccess: false,
      depth: 1,
      limit: 50,
      sort: 'title',
      where: { and: [{ kind: { equals: 'wiki' } }, { release: { exists: false } }] },
    }),
  ])
  const topics = faqTopics
    .map((topic) => ({ topic, faqs: faqs.docs.filter((faq) => faq.topic === topic) }))
    .filter((group) => group.faqs.length > 0)

  return (
    <main className="portal-page">
      <h1>Frequently asked questions</h1>
      <p className="lead">
        Licenses, installation and updates of ProMonitor. Not answered here? Write to your support
        contact.
      </p>
      {topics.length === 0 ? (
        <p className="empty">No questions have been answered here yet. Contact support instead.</p>
      ) : (
        <div className={styles.layout}>
          <nav aria-labelledby="faq-contents" className={`panel ${styles.contents}`}>
            <h2 id="faq-contents">Contents</h2>
            <ol>
              {topics.map(({ topic, faqs: questions }) => (
                <li key={topic}>
                  <a href={`#${topicAnchor(topic)}`}>{topicTitles[topic]}</a>
                  <ul>
                    {questions.map((faq) => (
                      <li key={faq.id}>
                        <a href={`#${questionAnchor(faq)}`}>{faq.question}</a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </nav>
          <div>
            {topics.map(({ topic, faqs: questions }) => (
              <section
                key={topic}
                id={topicAnchor(topic)}
                aria-labelledby={`${topicAnchor(topic)}-title`}
              >
                <h2 id={`${topicAnchor(topic)}-title`}>{topicTitles[topic]}</h2>
                {questions.map((faq) => (
                  <article key={faq.id} id={questionAnchor(faq)} className={`panel ${styles.faq}`}>
                    <h3>
                      <a href={`#${questionAnchor(faq)}`} className={styles.anchor}>
                        {faq.question}
                      </a>
                    </h3>
                    <RichText data={faq.answer} />
                  </article>
                ))}
              </section>
            ))}
            {wikiLinks.docs.length > 0 && (
              <section id="wiki" aria-labelledby="wiki-title">
                <h2 id="wiki-title">In the wiki</h2>
                <ul className="panel">
                  {wikiLinks.docs.map((link) => (
                    <li key={link.id}>
                      <a href={link.url} rel="noopener noreferrer">
                        {link.title}
                      </a>
                      {typeof link.product === 'object' && link.product && (
                        <> ({link.product.name})</>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </main>
  )
}
