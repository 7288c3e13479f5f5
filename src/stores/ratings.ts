// The ratings (« avis ») of one sheet and their consensus, as the ratings screen shows them: kept up to date when a
// rating arrives or the sheet changes (in this tab or another); a rating can be removed and put back, and the
// medians adopted as the sheet's radar and undone.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { consensusOf, MAX_RATINGS, MIN_RATINGS, radarWithMedians } from '@/domain/consensus'
import { placeRating, ratingFromSheet, type Rating } from '@/domain/rating'
import type { Origin, Sheet } from '@/domain/sheet'
import { isSaveConflict, sheetsRepository, type StoredSheet } from '@/storage'

/** What « Annuler » needs to put the sheet's radar back as it was before the medians were adopted. */
export interface AdoptedMedians {
  sheetId: string
  radar: Sheet['radar']
  origin: Origin | null
  /** The revision the adoption wrote: undoing over a later change would lose it. */
  revision: number
}

/** What gathering sheets as ratings did, for « Annuler ». */
export interface GatheredRatings {
  targetId: string
  added: Rating[]
  replaced: Rating[]
  /** Picked sheets whose scores were already there, anonymously. */
  duplicates: number
  /** The picked sheets, now in the Corbeille. */
  deleted: string[]
}

export type AdoptionOutcome = { ok: true; undo: AdoptedMedians } | { ok: false; reason: 'changed' | 'missing' | 'invalid' }

export const useRatingsStore = defineStore('ratings', () => {
  const status = ref<'loading' | 'ready' | 'missing' | 'error'>('loading')
  const loadError = shallowRef<unknown>(null)
  const stored = shallowRef<StoredSheet | undefined>(undefined)
  const ratings = shallowRef<Rating[]>([])
  let stopSheet: (() => void) | undefined
  let stopRatings: (() => void) | undefined

  /** The consensus of the ratings, when there are MIN_RATINGS to MAX_RATINGS of them. */
  const consensus = computed(() =>
    ratings.value.length >= MIN_RATINGS && ratings.value.length <= MAX_RATINGS ? consensusOf(ratings.value.map((rating) => rating.radar)) : null,
  )

  function close() {
    stopSheet?.()
    stopRatings?.()
    stopSheet = stopRatings = undefined
  }

  async function open(sheetId: string) {
    close()
    status.value = 'loading'
    stored.value = undefined
    ratings.value = []
    const repository = sheetsRepository()
    try {
      stored.value = await repository.getStored(sheetId)
      ratings.value = await repository.listRatings(sheetId)
      status.value = stored.value ? 'ready' : 'missing'
    } catch (error) {
      loadError.value = error
      status.value = 'error'
      return
    }
    stopSheet = repository.observeSheet(sheetId, (next) => {
      stored.value = next
      status.value = next ? 'ready' : 'missing'
    })
    stopRatings = repository.observeRatings(sheetId, (next) => (ratings.value = next))
  }

  async function remove(id: string): Promise<Rating | undefined> {
    const removed = await sheetsRepository().removeRating(id)
    if (removed) ratings.value = ratings.value.filter((rating) => rating.id !== id)
    return removed
  }

  async function putBack(rating: Rating) {
    await sheetsRepository().putRating(rating)
    ratings.value = [...ratings.value.filter((other) => other.id !== rating.id), rating].sort(
      (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
    )
  }

  /**
   * Writes the medians as the sheet's 20 scores (its comments kept) and marks it as made in a collective session;
   * refused if the sheet changed since it was shown (the screen shows the new version, the person adopts again).
   */
  async function adopt(): Promise<AdoptionOutcome> {
    const current = stored.value
    if (!current || !consensus.value) return { ok: false, reason: 'missing' }
    const { sheet, revision } = current
    const next: Sheet = { ...sheet, radar: radarWithMedians(sheet.radar, consensus.value.medians), origin: 'collectif' }
    const result = await sheetsRepository().save(next, { expectedRevision: revision })
    if (!result.ok) return { ok: false, reason: isSaveConflict(result) ? 'changed' : 'deleted' in result ? 'missing' : 'invalid' }
    stored.value = { sheet: result.sheet, revision: result.revision ?? revision + 1 }
    return {
      ok: true,
      undo: { sheetId: sheet.id, radar: sheet.radar, origin: sheet.origin, revision: result.revision ?? revision + 1 },
    }
  }

  /** Puts the radar and origin back as they were before `adopt`, unless the sheet changed since. */
  async function undoAdopt(undo: AdoptedMedians): Promise<AdoptionOutcome> {
    const current = await sheetsRepository().getStored(undo.sheetId)
    if (!current) return { ok: false, reason: 'missing' }
    const result = await sheetsRepository().save(
      { ...current.sheet, radar: undo.radar, origin: undo.origin },
      { expectedRevision: undo.revision },
    )
    if (!result.ok) return { ok: false, reason: isSaveConflict(result) ? 'changed' : 'deleted' in result ? 'missing' : 'invalid' }
    stored.value = { sheet: result.sheet, revision: result.revision ?? undo.revision + 1 }
    return { ok: true, undo }
  }

  /** How many ratings a sheet has, for its page's link to them (without opening them). */
  async function countOf(sheetId: string): Promise<number> {
    return (await sheetsRepository().listRatings(sheetId)).length
  }

  /**
   * A workshop's look-alike sheets, picked by hand, become ratings of `targetId` (« dans l’atelier »): each picked
   * sheet's author, organisation, scores and comments, placed as an import places them (the same named rater
   * replaces, the same anonymous scores count once); the picked sheets then go to the Corbeille. Returns what
   * « Annuler » needs: the ratings added, those they replaced, the sheets deleted.
   */
  async function gather(targetId: string, sheetIds: readonly string[]): Promise<GatheredRatings> {
    const repository = sheetsRepository()
    const existing = await repository.listRatings(targetId)
    const gathered: GatheredRatings = { targetId, added: [], replaced: [], duplicates: 0, deleted: [] }
    const now = new Date()
    for (const id of sheetIds) {
      if (id === targetId) continue
      const picked = await repository.getStored(id)
      if (!picked) continue
      const rating: Rating = { ...ratingFromSheet(picked.sheet, { source: 'atelier', now }), sheetId: targetId }
      const placed = placeRating(existing, rating)
      if (placed.kind === 'duplicate') gathered.duplicates++
      else {
        if (placed.kind === 'replaced') {
          await repository.removeRating(placed.previous.id)
          gathered.replaced.push(placed.previous)
          existing.splice(existing.indexOf(placed.previous), 1)
        }
        await repository.putRating(rating)
        existing.push(rating)
        gathered.added.push(rating)
      }
      await repository.remove(id)
      gathered.deleted.push(id)
    }
    return gathered
  }

  /** Undoes `gather`: the added ratings removed, the replaced ones back, the sheets out of the Corbeille. */
  async function undoGather(gathered: GatheredRatings): Promise<void> {
    const repository = sheetsRepository()
    for (const rating of gathered.added) await repository.removeRating(rating.id)
    for (const rating of gathered.replaced) await repository.putRating(rating)
    for (const id of gathered.deleted) await repository.restore(id)
  }

  return { status, loadError, stored, ratings, consensus, open, close, remove, putBack, adopt, undoAdopt, countOf, gather, undoGather }
})
