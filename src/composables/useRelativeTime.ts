// "il y a 2 s": a time relative to now, refreshed every second while shown.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

// "short" reads "il y a 2 s" in French; "narrow" gives "-2 s".
const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto', style: 'short' })

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
]

export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.trunc(seconds / size), unit)
  }
  return relative.format(0, 'second')
}

export function useRelativeTime(date: Ref<Date | null>, refreshMs = 1000) {
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = new Date()), refreshMs)))
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => (date.value ? formatRelative(date.value, now.value) : ''))
}
