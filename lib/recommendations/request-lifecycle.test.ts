import { describe, expect, it } from 'vitest'
import { requestStatuses, type RequestStatus } from '@/db/schema'
import { IllegalTransitionError } from '@/lib/state-machine'
import { itChecksEveryMove } from '@/lib/state-machine-testing'
import { requestLifecycle, unansweredStatuses, type RequestParty } from './request-lifecycle'

const { can, transition, isFinal, sourcesOf } = requestLifecycle

// The full table of legal moves, restated independently: [from, to, actors allowed].
const legal: [RequestStatus, RequestStatus, RequestParty[]][] = [
  ['invited', 'opened', ['recommender']],
  ['invited', 'received', ['recommender']],
  ['invited', 'declined', ['recommender']],
  ['invited', 'bounced', ['system']],
  ['invited', 'revoked', ['candidate']],
  ['opened', 'received', ['recommender']],
  ['opened', 'declined', ['recommender']],
  ['opened', 'bounced', ['system']],
  ['opened', 'revoked', ['candidate']],
  ['declined', 'revoked', ['candidate']],
  ['bounced', 'revoked', ['candidate']],
]
const actors: RequestParty[] = ['recommender', 'candidate', 'system']

describe('recommendation request state machine', () => {
  it('knows every stored status', () => {
    expect([...requestLifecycle.states].sort()).toEqual([...requestStatuses].sort())
  })

  itChecksEveryMove({ states: requestStatuses, parties: actors, legal, transition })

  it('refuses to reopen a revoked request, for anyone', () => {
    for (const to of requestStatuses) expect(can('revoked', to)).toBe(false)
    expect(() => transition('revoked', 'opened', 'recommender')).toThrow(
      'Impossible de passer une demande de recommandation « Remplacée » à « Ouverte ».',
    )
  })

  it('freezes a received recommendation: not declined, replaced or bounced afterwards', () => {
    expect(isFinal('received')).toBe(true)
    expect(() => transition('received', 'revoked', 'candidate')).toThrow(IllegalTransitionError)
    expect(() => transition('received', 'bounced', 'system')).toThrow(IllegalTransitionError)
  })

  it('lets only the recommender answer, and only the candidate replace', () => {
    expect(() => transition('opened', 'received', 'candidate')).toThrow(
      'Impossible de passer une demande de recommandation « Ouverte » à « Reçue » avec ce rôle.',
    )
    expect(sourcesOf('revoked', 'recommender')).toEqual([])
    expect(sourcesOf('revoked', 'candidate')).toEqual(['invited', 'opened', 'declined', 'bounced'])
  })

  it('asks the candidate for someone else after a refusal or a bounce, not the recommender again', () => {
    expect(requestLifecycle.nextStates('declined', 'candidate')).toEqual(['revoked'])
    expect(requestLifecycle.nextStates('declined', 'recommender')).toEqual([])
    expect(requestLifecycle.nextStates('bounced', 'recommender')).toEqual([])
  })

  it('counts as unanswered (reminded, can bounce) only what the recommender can still answer', () => {
    expect(unansweredStatuses).toEqual(['invited', 'opened'])
    expect(sourcesOf('bounced', 'system')).toEqual(unansweredStatuses)
  })
})
