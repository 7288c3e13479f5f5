// A share link (…/#partage=<checksum>.<payload>) opened in this copy of the app: the fragment never reached any
// server; it is read here, then removed from the address at once, so that a reload, a bookmark or the back button
// never brings the same sheets in again. The screen previews them and writes nothing without the person's consent.
import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/** `receive` gets the payload, or 'damaged' for a link cut or altered on its way. */
export function useShareLinkArrival(receive: (payload: string | 'damaged') => void) {
  const route = useRoute()
  const router = useRouter()
  watch(
    () => route.hash,
    async (hash) => {
      // The share code loads only when a link brings one.
      if (!hash.startsWith('#partage=')) return
      const { readShareFragment } = await import('@/domain/share-code')
      const shared = readShareFragment(hash)
      await router.replace({ ...route, hash: '' })
      if (shared.kind !== 'none') receive(shared.kind === 'payload' ? shared.payload : 'damaged')
    },
    { immediate: true },
  )
}
