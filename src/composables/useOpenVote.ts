// The vote a screen shows (/votes/:id and its ballot and results screens): opened in the votes store for as long
// as the screen is there, followed when another tab changes it, and undefined until it is the one asked for.
import { computed, onBeforeUnmount, watch, type ComputedRef } from 'vue'
import type { Vote } from '@/domain/vote'
import { useVotesStore } from '@/stores/votes'

export function useOpenVote(id: () => string): { store: ReturnType<typeof useVotesStore>; vote: ComputedRef<Vote | undefined> } {
  const store = useVotesStore()
  watch(id, (next) => void store.open(next), { immediate: true })
  onBeforeUnmount(() => store.close())
  return { store, vote: computed(() => (store.vote?.id === id() ? store.vote : undefined)) }
}
