// "il y a 2 s": a time relative to now, refreshed every second while shown.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { formatRelative } from '@/presentation/format'

export function useRelativeTime(date: Ref<Date | null>, refreshMs = 1000) {
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = new Date()), refreshMs)))
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => (date.value ? formatRelative(date.value, now.value) : ''))
}
