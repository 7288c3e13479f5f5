// Keeps a workshop's sheets and details in step with its database on a CouchDB server, both ways. Storage's third
// door, loaded only when the deployment names a server: without one, no byte of this ships to the page.
//
// What is still to send is never a queue in memory: it is every member sheet whose local revision moved since the
// server last agreed (SyncedDocument). A tab closed, a browser killed, a night offline: the next round finds the same
// edits in IndexedDB and sends them. What comes back goes through decideIncoming (shared-workshop.ts): taken,
// merged field by field, or set aside as a conflict for the person — never dropped, never silently overwritten.
import {
  WORKSHOP_DOCUMENT_ID,
  decideIncoming,
  hasEditToSend,
  type Incoming,
  ratingDocument,
  ratingDocumentId,
  ratingIdOf,
  readRatingDocument,
  readSheetDocument,
  readVoteDocument,
  voteDocument,
  voteDocumentId,
  voteIdOf,
  decideIncomingVote,
  readWorkshopDocument,
  sheetDocument,
  sheetDocumentId,
  sheetIdOf,
  workshopDatabaseName,
  workshopDocument,
  type SyncedDocument,
} from '@/domain/shared-workshop'
import { changedFields } from '@/domain/sheet-merge'
import { withMembers, workshopBlock, type Workshop, type WorkshopBlock } from '@/domain/workshop'
import type { Sheet } from '@/domain/sheet'
import type { Rating } from '@/domain/rating'
import type { Vote } from '@/domain/vote'
import type { VotesRepository } from './votes-repository'
import { ServerProblem, isServerProblem, type CouchDocument, type DatabaseSecurity, type couchServer } from './couch-client'
import type { SheetsRepository } from './sheets-repository'
import type { WorkshopsRepository } from './workshops-repository'

type CouchServer = ReturnType<typeof couchServer>
type CouchDatabase = ReturnType<CouchServer['database']>

/** A workshop this browser shares on the server. */
export interface SharedWorkshopRecord {
  workshopId: string
  database: string
  /** Where the next read of the server's changes starts. */
  lastSeq: string
  sharedAt: string
}

/**
 * What was last agreed with the server on the workshop document: its revision and content. This browser's workshop
 * differing from that content is an edit to send (compared by content: two edits may share a millisecond).
 */
export interface SyncedWorkshop {
  rev: string
  base: WorkshopContent
}

interface WorkshopContent {
  block: WorkshopBlock
  sheetIds: string[]
}

export interface SyncedVote {
  rev: string
  base?: Vote
}

/** A sheet changed on both sides in the same fields, set aside until the person chooses. */
export interface SyncConflictRecord {
  workshopId: string
  sheetId: string
  mine: Sheet
  theirs: Sheet
  /** The server revision « theirs » is. */
  theirsRev: string
  /** The fields both sides changed (dotted paths). */
  fields: string[]
  detectedAt: string
  /**
   * Set when the two versions met on the server itself (CouchDB kept both, « theirs » is its losing revision, this
   * one): the person's choice also removes it there, never before.
   */
  losingRev?: string
}

/** Where the sync keeps what it knows; IndexedDB in the app (sync-state.ts), memory in tests. */
export interface SyncStateStore {
  getShared(workshopId: string): Promise<SharedWorkshopRecord | undefined>
  /** Every workshop this browser shares. */
  listShared(): Promise<SharedWorkshopRecord[]>
  putShared(record: SharedWorkshopRecord): Promise<void>
  /** What was last agreed on each sheet document, by sheet id. */
  syncedSheets(workshopId: string): Promise<Map<string, SyncedDocument>>
  /** Records (or, with undefined, forgets) what was agreed on these sheets, in one write. */
  putSyncedSheets(workshopId: string, entries: readonly (readonly [sheetId: string, synced: SyncedDocument | undefined])[]): Promise<void>
  syncedWorkshop(workshopId: string): Promise<SyncedWorkshop | undefined>
  putSyncedWorkshop(workshopId: string, synced: SyncedWorkshop): Promise<void>
  /** The server revision of each rating this browser and the server agree on, by rating id. */
  syncedRatings(workshopId: string): Promise<Map<string, string>>
  putSyncedRating(workshopId: string, ratingId: string, rev: string | undefined): Promise<void>
  /** What was last agreed on each vote (base: undefined when this browser's copy must be sent whatever it is). */
  syncedVotes(workshopId: string): Promise<Map<string, SyncedVote>>
  putSyncedVote(workshopId: string, voteId: string, synced: SyncedVote | undefined): Promise<void>
  conflicts(workshopId: string): Promise<SyncConflictRecord[]>
  putConflict(record: SyncConflictRecord): Promise<void>
  removeConflict(workshopId: string, sheetId: string): Promise<void>
}

/** What one round did, for the screen to say. */
export interface SyncRound {
  sent: number
  received: number
  /** Sheets edited on both sides in the same fields: the question is waiting. */
  conflicts: number
  /** Sheets deleted on the server but edited here: kept, and sent again. */
  keptDeletedThere: string[]
  /** Server documents this app cannot read (a newer version of the app wrote them, or they are damaged). */
  unreadable: number
  /** Votes set up differently on two sides: the server's kept beside this browser's, under these new ids. */
  voteCopies: string[]
}

export type ConflictChoice = 'mine' | 'theirs' | 'both'

const CHANGES_PAGE = 200

/** A server version of a sheet to write here as it is, with this browser's revision it was decided against. */
interface Take {
  sheetId: string
  rev: string
  sheet: Sheet
  localRevision: number | null
}

export function createWorkshopSync(dependencies: {
  server: CouchServer
  sheets: SheetsRepository
  workshops: WorkshopsRepository
  votes: VotesRepository
  state: SyncStateStore
  /** The title of a vote kept beside another (set up differently on two sides): the person's words. */
  voteCopyTitle?: (title: string) => string
  /** The security object of a database this browser creates (who may read and write it). */
  security?: (session: { name: string | null }) => DatabaseSecurity
  now?: () => Date
}) {
  const { server, sheets, workshops, votes, state } = dependencies
  const now = () => (dependencies.now ?? (() => new Date()))().toISOString()

  async function sharedDatabase(workshopId: string): Promise<{ shared: SharedWorkshopRecord; database: CouchDatabase }> {
    const shared = await state.getShared(workshopId)
    if (!shared) throw new Error(`Workshop ${workshopId} is not shared`)
    return { shared, database: server.database(shared.database) }
  }

  /**
   * Everything of the workshop this browser changed since the server last agreed: the member sheets edited here
   * (not those waiting for the person), the workshop document, the ratings added or removed, the votes changed or
   * removed. What a round sends, and what « N modifications à envoyer » counts: written once for both.
   */
  async function outgoingChanges(workshopId: string) {
    const workshop = await workshops.get(workshopId)
    if (!workshop) return undefined
    const synced = await state.syncedSheets(workshopId)
    const waiting = new Set((await state.conflicts(workshopId)).map((conflict) => conflict.sheetId))
    const outgoing: { sheetId: string; sheet: Sheet; revision: number }[] = []
    for (const sheetId of workshop.sheetIds) {
      if (waiting.has(sheetId)) continue
      const stored = await sheets.getStored(sheetId)
      // A sheet deleted from this library stays on the server: deleting here is not deleting for everyone.
      if (!stored || !hasEditToSend(stored.revision, synced.get(sheetId))) continue
      outgoing.push({ sheetId, sheet: stored.sheet, revision: stored.revision })
    }
    const documents: CouchDocument[] = outgoing.map(({ sheetId, sheet }) => {
      const rev = synced.get(sheetId)?.rev
      return { _id: sheetDocumentId(sheetId), ...(rev ? { _rev: rev } : {}), ...sheetDocument(sheet) }
    })
    const syncedWorkshop = await state.syncedWorkshop(workshopId)
    const workshopContent = contentOf(workshop)
    if (!sameWorkshop(syncedWorkshop?.base, workshopContent)) {
      documents.push({ _id: WORKSHOP_DOCUMENT_ID, ...(syncedWorkshop ? { _rev: syncedWorkshop.rev } : {}), ...workshopDocument(workshopContent.block, workshopContent.sheetIds) })
    }
    // Ratings of the member sheets: new ones go, ones removed here are deleted there (a rating is never edited).
    const syncedRatings = await state.syncedRatings(workshopId)
    const localRatings = new Map<string, Rating>()
    for (const sheetId of workshop.sheetIds) for (const rating of await sheets.listRatings(sheetId)) localRatings.set(rating.id, rating)
    for (const [ratingId, rating] of localRatings) if (!syncedRatings.has(ratingId)) documents.push({ _id: ratingDocumentId(ratingId), ...ratingDocument(rating) })
    for (const [ratingId, rev] of syncedRatings) if (!localRatings.has(ratingId)) documents.push({ _id: ratingDocumentId(ratingId), _rev: rev, _deleted: true })
    // The workshop's votes: each one changed here since the last agreement, and those deleted here.
    const syncedVotes = await state.syncedVotes(workshopId)
    const localVotes = new Map((await votes.listForWorkshop(workshopId)).map((vote) => [vote.id, vote]))
    for (const [voteId, vote] of localVotes) {
      const syncedVote = syncedVotes.get(voteId)
      if (syncedVote?.base && JSON.stringify(syncedVote.base) === JSON.stringify(vote)) continue
      documents.push({ _id: voteDocumentId(voteId), ...(syncedVote ? { _rev: syncedVote.rev } : {}), ...voteDocument(vote) })
    }
    for (const [voteId, syncedVote] of syncedVotes) if (!localVotes.has(voteId)) documents.push({ _id: voteDocumentId(voteId), _rev: syncedVote.rev, _deleted: true })
    return { documents, outgoing, workshopContent, localRatings, localVotes }
  }

  /** Sends everything changed here since the server last agreed (outgoingChanges), and records what it agreed. */
  async function send(workshopId: string, database: CouchDatabase, round: SyncRound): Promise<void> {
    const changes = await outgoingChanges(workshopId)
    if (!changes) return
    const { documents, outgoing, workshopContent, localRatings, localVotes } = changes
    if (documents.length === 0) return

    const outcomes = await database.write(documents)
    for (const outcome of outcomes) {
      const voteId = voteIdOf(outcome.id)
      if (voteId !== undefined) {
        if (outcome.ok) {
          const vote = localVotes.get(voteId)
          await state.putSyncedVote(workshopId, voteId, vote ? { rev: outcome.rev, base: vote } : undefined)
          round.sent++
        } else if (outcome.conflict) {
          const current = await database.read(outcome.id)
          if (current) await receive(workshopId, database, current, round)
        } else throw new ServerProblem(outcome.problem ?? 'badResponse')
        continue
      }
      const ratingId = ratingIdOf(outcome.id)
      if (ratingId !== undefined) {
        if (outcome.ok) await state.putSyncedRating(workshopId, ratingId, localRatings.has(ratingId) ? outcome.rev : undefined)
        // A rating that exists there already (received from another browser meanwhile) is the same rating.
        else if (outcome.conflict) await state.putSyncedRating(workshopId, ratingId, (await database.read(outcome.id))?._rev)
        else throw new ServerProblem(outcome.problem ?? 'badResponse')
        if (outcome.ok) round.sent++
        continue
      }
      if (outcome.ok) {
        if (outcome.id === WORKSHOP_DOCUMENT_ID) {
          await state.putSyncedWorkshop(workshopId, { rev: outcome.rev, base: workshopContent })
        } else {
          const sent = outgoing.find((entry) => sheetDocumentId(entry.sheetId) === outcome.id)
          if (sent) await state.putSyncedSheets(workshopId, [[sent.sheetId, { rev: outcome.rev, localRevision: sent.revision, base: sent.sheet }]])
        }
        round.sent++
        continue
      }
      if (!outcome.conflict) throw new ServerProblem(outcome.problem ?? 'badResponse')
      // Someone wrote it first: read their version and decide as for any change from the server.
      const current = await database.read(outcome.id)
      if (current) await receive(workshopId, database, current, round)
    }
  }

  /** Reads the server's changes since the last round and brings them here. */
  async function fetchChanges(workshopId: string, database: CouchDatabase, shared: SharedWorkshopRecord, round: SyncRound): Promise<void> {
    let since = shared.lastSeq
    for (;;) {
      const page = await database.changes(since, { limit: CHANGES_PAGE })
      const documents = page.changes.map((change) => change.document)
      // The workshop document first (a sheet arriving for a workshop not here yet needs it), then the sheets, taken
      // together, then what points at them (ratings, votes).
      const workshopDocument = documents.find((document) => document._id === WORKSHOP_DOCUMENT_ID)
      if (workshopDocument) await receiveWorkshop(workshopId, workshopDocument)
      await receiveSheets(workshopId, database, documents.filter((document) => sheetIdOf(document._id) !== undefined), round)
      for (const document of documents) {
        if (document._id !== WORKSHOP_DOCUMENT_ID && sheetIdOf(document._id) === undefined) await receive(workshopId, database, document, round)
      }
      since = page.lastSeq
      await state.putShared({ ...shared, lastSeq: since })
      if (page.changes.length < CHANGES_PAGE) return
    }
  }

  async function receive(workshopId: string, database: CouchDatabase, document: CouchDocument, round: SyncRound): Promise<void> {
    if (document._id === WORKSHOP_DOCUMENT_ID) return receiveWorkshop(workshopId, document)
    const ratingId = ratingIdOf(document._id)
    if (ratingId !== undefined) return receiveRating(workshopId, ratingId, document, round)
    const voteId = voteIdOf(document._id)
    if (voteId !== undefined) return receiveVote(workshopId, voteId, document, round)
    return receiveSheets(workshopId, database, [document], round)
  }

  /**
   * Sheet documents from the server, each decided against this browser's copy. The plain takes (the usual case: a
   * workshop joined, sheets others saved) are written together, in one transaction and one state write, rather than
   * one by one: a page of 200 changes costs a few writes, not a thousand.
   */
  async function receiveSheets(workshopId: string, database: CouchDatabase, documents: readonly CouchDocument[], round: SyncRound): Promise<void> {
    if (documents.length === 0) return
    const synced = await state.syncedSheets(workshopId)
    const waiting = new Set((await state.conflicts(workshopId)).map((conflict) => conflict.sheetId))
    const takes: Take[] = []
    for (const document of documents) {
      const sheetId = sheetIdOf(document._id)
      if (!sheetId || !document._rev) continue
      let theirs: Sheet | undefined
      if (!document._deleted) {
        const read = readSheetDocument(document, sheetId)
        if (!read.ok) {
          round.unreadable++
          continue
        }
        theirs = read.sheet
      }
      if (waiting.has(sheetId)) {
        // Still waiting for the person: the question is asked again against the newest version of theirs.
        if (theirs) await state.putConflict({ ...(await conflictOf(workshopId, sheetId))!, theirs, theirsRev: document._rev })
        continue
      }
      const local = await sheets.getStored(sheetId)
      const incoming = decideIncoming({ rev: document._rev, theirs }, local, synced.get(sheetId))
      const serverConflict = theirs !== undefined && (document._conflicts?.length ?? 0) > 0
      // A losing revision on the server is compared with the sheet as taken: that one is written first.
      if (incoming.kind === 'take' && !serverConflict) {
        takes.push({ sheetId, rev: document._rev, sheet: incoming.sheet, localRevision: local?.revision ?? null })
        continue
      }
      await applyIncoming(workshopId, sheetId, document._rev, incoming, local?.revision, round)
      if (serverConflict) await surfaceServerConflict(workshopId, sheetId, database, document, round)
    }
    await takeSheets(workshopId, takes, round)
  }

  /**
   * Writes the server's versions of sheets not edited here. One that was edited here meanwhile is left out (nothing
   * of it is lost): the round's sending that follows meets the server's version and merges the two.
   */
  async function takeSheets(workshopId: string, takes: readonly Take[], round: SyncRound): Promise<void> {
    let pending = takes
    while (pending.length > 0) {
      const written = await sheets.importSheets(
        pending.map((take) => take.sheet),
        { expectedRevisions: new Map(pending.map((take) => [take.sheetId, take.localRevision])) },
      )
      if (!written.ok) {
        const changed = new Set(written.changed)
        pending = pending.filter((take) => !changed.has(take.sheetId))
        continue
      }
      await state.putSyncedSheets(
        workshopId,
        pending.map((take) => [take.sheetId, { rev: take.rev, localRevision: written.revisions.get(take.sheetId)!, base: take.sheet }] as const),
      )
      await workshops.addSheets(workshopId, pending.map((take) => take.sheetId))
      round.received += pending.length
      return
    }
  }

  async function applyIncoming(workshopId: string, sheetId: string, rev: string, incoming: Incoming, localRevision: number | undefined, round: SyncRound): Promise<void> {
    switch (incoming.kind) {
      case 'known':
        return
      case 'take':
        return takeSheets(workshopId, [{ sheetId, rev, sheet: incoming.sheet, localRevision: localRevision ?? null }], round)
      case 'merge': {
        const saved = await sheets.save(incoming.sheet, { expectedRevision: localRevision! })
        if (!saved.ok) return
        // Agreed on theirs; the merge is an edit here, sent with their revision next.
        await state.putSyncedSheets(workshopId, [[sheetId, { rev, localRevision: localRevision!, base: incoming.theirs }]])
        round.received++
        return
      }
      case 'ask':
        await state.putConflict({ workshopId, sheetId, mine: incoming.mine, theirs: incoming.theirs, theirsRev: rev, fields: incoming.fields, detectedAt: now() })
        round.conflicts++
        return
      case 'leave':
        await workshops.removeSheets(workshopId, [sheetId])
        await state.putSyncedSheets(workshopId, [[sheetId, undefined]])
        round.received++
        return
      case 'keepDeletedThere':
        // Sent again over the deletion (its revision is the tombstone's), so it comes back for everyone.
        await state.putSyncedSheets(workshopId, [[sheetId, { rev, localRevision: -1, base: incoming.mine }]])
        round.keptDeletedThere.push(sheetId)
    }
  }

  /**
   * Two versions of a sheet met on the server itself (replicas written offline, another client): CouchDB keeps both
   * and names the losers in _conflicts. The app never drops one: the first loser becomes the person's question, and
   * is removed from the server only once they have chosen.
   */
  async function surfaceServerConflict(workshopId: string, sheetId: string, database: CouchDatabase, document: CouchDocument, round: SyncRound): Promise<void> {
    if (await conflictOf(workshopId, sheetId)) return
    const [losing] = await database.readRevisions(document._id, document._conflicts!.slice(0, 1))
    if (!losing?._rev) return
    const read = readSheetDocument(losing, sheetId)
    const mine = await sheets.get(sheetId)
    if (!read.ok || !mine) {
      round.unreadable++
      return
    }
    await state.putConflict({
      workshopId,
      sheetId,
      mine,
      theirs: read.sheet,
      theirsRev: document._rev!,
      losingRev: losing._rev,
      fields: changedFields(mine, read.sheet),
      detectedAt: now(),
    })
    round.conflicts++
  }

  /** A rating from the server: stored here as it is, or removed here when it was removed there. */
  async function receiveRating(workshopId: string, ratingId: string, document: CouchDocument, round: SyncRound): Promise<void> {
    const synced = await state.syncedRatings(workshopId)
    if (!document._rev || synced.get(ratingId) === document._rev) return
    if (document._deleted) {
      if (synced.has(ratingId)) {
        await sheets.removeRating(ratingId)
        round.received++
      }
      await state.putSyncedRating(workshopId, ratingId, undefined)
      return
    }
    const rating = readRatingDocument(document, ratingId)
    if (!rating) {
      round.unreadable++
      return
    }
    await sheets.putRating(rating)
    await state.putSyncedRating(workshopId, ratingId, document._rev)
    round.received++
  }

  /** A vote from the server: taken, kept, merged (ballots from both sides), or kept beside this browser's. */
  async function receiveVote(workshopId: string, voteId: string, document: CouchDocument, round: SyncRound): Promise<void> {
    if (!document._rev) return
    let theirs: Vote | undefined
    if (!document._deleted) {
      theirs = readVoteDocument(document, voteId, workshopId)
      if (!theirs) {
        round.unreadable++
        return
      }
    }
    const local = await votes.get(voteId)
    const incoming = decideIncomingVote({ rev: document._rev, theirs }, local, (await state.syncedVotes(workshopId)).get(voteId))
    switch (incoming.kind) {
      case 'known':
        return
      case 'take':
        await votes.put(incoming.vote)
        await state.putSyncedVote(workshopId, voteId, { rev: document._rev, base: incoming.vote })
        round.received++
        return
      case 'keep':
        await state.putSyncedVote(workshopId, voteId, { rev: document._rev, base: theirs })
        return
      case 'merge':
        await votes.put(incoming.vote)
        await state.putSyncedVote(workshopId, voteId, { rev: document._rev, base: theirs })
        round.received++
        return
      case 'keepBoth': {
        const copy = { ...incoming.theirs, id: crypto.randomUUID(), title: (dependencies.voteCopyTitle ?? ((title: string) => title))(incoming.theirs.title) }
        await votes.put(copy)
        await state.putSyncedVote(workshopId, voteId, { rev: document._rev, base: theirs })
        round.voteCopies.push(copy.id)
        return
      }
      case 'remove':
        await votes.remove(voteId)
        await state.putSyncedVote(workshopId, voteId, undefined)
        round.received++
        return
      case 'keepDeletedThere':
        await state.putSyncedVote(workshopId, voteId, { rev: document._rev })
    }
  }

  async function conflictOf(workshopId: string, sheetId: string): Promise<SyncConflictRecord | undefined> {
    return (await state.conflicts(workshopId)).find((conflict) => conflict.sheetId === sheetId)
  }

  /**
   * The workshop document: details and members. Members merge as sets against the last agreed list (added on
   * either side: in; removed on either side: out); details take the server's, unless this browser changed them
   * since, then this browser's stay and go back to the server.
   */
  async function receiveWorkshop(workshopId: string, document: CouchDocument): Promise<void> {
    const read = readWorkshopDocument(document)
    if (!read || read.block.id !== workshopId || !document._rev) return
    const synced = await state.syncedWorkshop(workshopId)
    if (synced?.rev === document._rev) return
    const local = await workshops.get(workshopId)
    const base = synced?.base ?? { block: read.block, sheetIds: [] }
    const detailsEditedHere = local !== undefined && synced !== undefined && JSON.stringify(workshopBlock(local)) !== JSON.stringify(base.block)
    const members = local ? mergeMembers(base.sheetIds, local.sheetIds, read.sheetIds) : read.sheetIds
    const current = await workshops.receive(read.block, [])
    const removed = current.sheetIds.filter((id) => !members.includes(id))
    if (removed.length > 0) await workshops.removeSheets(workshopId, removed)
    const added = members.filter((id) => !current.sheetIds.includes(id))
    // Members arrive with their sheets (taking a sheet adds it): only those already in this library join now.
    const present = added.length > 0 ? (await sheets.getMany(added)).map((sheet) => sheet.id) : []
    if (present.length > 0) await workshops.addSheets(workshopId, present)
    if (!detailsEditedHere) {
      const { title, date, place, facilitator } = read.block
      await workshops.update(workshopId, { title, date, place, facilitator })
    }
    await state.putSyncedWorkshop(workshopId, { rev: document._rev, base: read })
  }

  /**
   * The person's answer to two versions kept by the server. « mine » keeps this browser's (the server's winner as
   * received); « theirs » takes the losing version here and sends it over the winner; « both » makes the losing one
   * a new sheet of the workshop. Then, and only then, the losing revision is removed from the server.
   */
  async function settleServerConflict(workshopId: string, conflict: SyncConflictRecord, choice: ConflictChoice, copy: (sheet: Sheet) => Sheet): Promise<Sheet | undefined> {
    const { database } = await sharedDatabase(workshopId)
    let kept: Sheet | undefined
    if (choice === 'theirs') {
      const written = await sheets.importSheets([conflict.theirs])
      if (!written.ok) return undefined
      await state.putSyncedSheets(workshopId, [[conflict.sheetId, { rev: conflict.theirsRev, localRevision: -1, base: conflict.mine }]])
    } else if (choice === 'both') {
      kept = copy(conflict.theirs)
      await sheets.importSheets([kept])
      await workshops.addSheets(workshopId, [kept.id])
    }
    await database.removeRevision(sheetDocumentId(conflict.sheetId), conflict.losingRev!)
    await state.removeConflict(workshopId, conflict.sheetId)
    return kept
  }

  async function round(workshopId: string): Promise<SyncRound> {
    const { shared, database } = await sharedDatabase(workshopId)
    const result: SyncRound = { sent: 0, received: 0, conflicts: 0, keptDeletedThere: [], unreadable: 0, voteCopies: [] }
    await fetchChanges(workshopId, database, shared, result)
    await send(workshopId, database, result)
    return result
  }

  return {
    /**
     * Shares a workshop of this browser: opens its database, or creates it (a server admin only) with the given
     * security object; then sends everything. Throws a ServerProblem the screen words.
     */
    async share(workshopId: string): Promise<SyncRound> {
      const name = workshopDatabaseName(workshopId)
      const database = server.database(name)
      try {
        await database.open()
      } catch (error) {
        if (!isServerProblem(error) || error.code !== 'notFound') throw error
        await database.create()
        if (dependencies.security) await database.setSecurity(dependencies.security(await server.session()))
      }
      if (!(await state.getShared(workshopId))) await state.putShared({ workshopId, database: name, lastSeq: '0', sharedAt: now() })
      return round(workshopId)
    },

    /** Joins a workshop shared by someone else: its details and sheets come here (the database must exist). */
    async join(workshopId: string): Promise<SyncRound> {
      const name = workshopDatabaseName(workshopId)
      await server.database(name).open()
      if (!(await state.getShared(workshopId))) await state.putShared({ workshopId, database: name, lastSeq: '0', sharedAt: now() })
      return round(workshopId)
    },

    /** One round both ways: the server's changes here, then this browser's edits there. */
    round,

    /** How many of this browser's changes the server has not received (what « N modifications à envoyer » counts). */
    async pendingCount(workshopId: string): Promise<number> {
      return (await outgoingChanges(workshopId))?.documents.length ?? 0
    },

    conflicts: (workshopId: string) => state.conflicts(workshopId),

    /** The workshops this browser shares (their sync goes on at every start). */
    sharedWorkshopIds: async () => (await state.listShared()).map((shared) => shared.workshopId),

    /**
     * The person's answer to a conflict. « mine »: this browser's sheet goes to the server over theirs. « theirs »:
     * the server's replaces it here. « both »: the server's keeps the id, this browser's becomes a new sheet of
     * the workshop (`copy` gives it its id and title), sent as such — both texts survive.
     */
    async resolve(workshopId: string, sheetId: string, choice: ConflictChoice, copy: (sheet: Sheet) => Sheet): Promise<Sheet | undefined> {
      const conflict = await conflictOf(workshopId, sheetId)
      if (!conflict) return undefined
      if (conflict.losingRev) return settleServerConflict(workshopId, conflict, choice, copy)
      let kept: Sheet | undefined
      if (choice === 'mine') {
        await state.putSyncedSheets(workshopId, [[sheetId, { rev: conflict.theirsRev, localRevision: -1, base: conflict.theirs }]])
      } else {
        const written = await sheets.importSheets([conflict.theirs])
        if (!written.ok) return undefined
        await state.putSyncedSheets(workshopId, [[sheetId, { rev: conflict.theirsRev, localRevision: written.revisions.get(sheetId)!, base: conflict.theirs }]])
        if (choice === 'both') {
          kept = copy(conflict.mine)
          await sheets.importSheets([kept])
          await workshops.addSheets(workshopId, [kept.id])
        }
      }
      await state.removeConflict(workshopId, sheetId)
      return kept
    },

    /**
     * Waits until the server has changes after the last round (or `waitMs` passes, or `signal` aborts); long
     * polling, so a change made elsewhere arrives within a round trip.
     */
    async waitForChanges(workshopId: string, waitMs: number, signal?: AbortSignal): Promise<boolean> {
      const { shared, database } = await sharedDatabase(workshopId)
      const page = await database.changes(shared.lastSeq, { waitMs, signal, limit: 1 })
      return page.changes.length > 0
    },
  }
}

function contentOf(workshop: Workshop): WorkshopContent {
  return { block: workshopBlock(workshop), sheetIds: [...workshop.sheetIds] }
}

function sameWorkshop(a: WorkshopContent | undefined, b: WorkshopContent): boolean {
  return a !== undefined && JSON.stringify(a.block) === JSON.stringify(b.block) && sameMembers(a.sheetIds, b.sheetIds)
}

/** The same members, in any order (each side lists them in the order they arrived there). */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a)
  return a.length === b.length && b.every((id) => inA.has(id))
}

/** Members merged as sets against the last agreed list: added on either side stays, removed on either side goes. */
function mergeMembers(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const inBase = new Set(base)
  const keptByBoth = base.filter((id) => mine.includes(id) && theirs.includes(id))
  return withMembers(keptByBoth, [...mine.filter((id) => !inBase.has(id)), ...theirs.filter((id) => !inBase.has(id))])
}
