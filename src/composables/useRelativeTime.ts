// "il y a 2 s": a moment relative to now, refreshed every second while shown (see presentation/moments.ts).
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { formatMoment } from '@/presentation/moments'
import { useTranslate } from './useTranslate'

export function useRelativeTime(date: Ref<Date | null>, refreshMs = 1000) {
  const { t } = useTranslate()
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = new Date()), refreshMs)))
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => (date.value ? formatMoment(date.value, now.value, t) : ''))
}
