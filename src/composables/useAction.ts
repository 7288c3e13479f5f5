// A person's action, run the same way on every screen: its outcome is said in the toast region (with « Annuler »
// when it can be undone), its failure is said in French with its cause and never thrown at the page, and a button
// may show that it is busy meanwhile. Views say what to do and how to word the result; this says the rest.
import type { Ref } from 'vue'
import { useNotificationsStore } from '@/stores/notifications'
import { describeError } from '@/presentation/error-message'
import { useTranslate } from './useTranslate'

/** What to tell the person once an action has succeeded. */
export interface ActionNotice {
  message: string
  /** Offered as « Annuler ». */
  undo?: () => unknown
  /** Another action offered beside the message (« Garder les deux », « Ouvrir l'atelier »…). */
  action?: { label: string; run: () => unknown }
  tone?: 'info' | 'error'
}

interface RunOptions<T> {
  /** True while the action runs (a button says it is busy, and is not pressed twice). */
  busy?: Ref<boolean>
  /** The words for the result; nothing is said when it gives nothing. */
  done?: (result: T) => string | ActionNotice | undefined
}

export function useAction() {
  const { t } = useTranslate()
  const notifications = useNotificationsStore()

  /** Says something to the person, with « Annuler » or another action when given. */
  function tell(notice: string | ActionNotice): void {
    const { message, undo, action, tone } = typeof notice === 'string' ? { message: notice } : notice
    const offered = undo ? { label: t('library.undo'), run: async () => void (await undo()) } : action
    notifications.notify(message, { tone, action: offered && { label: offered.label, run: async () => void (await offered.run()) } })
  }

  /** Says that an action failed, and why. */
  function fail(error: unknown): void {
    notifications.notify(t('library.actionFailed', { message: describeError(error, t) }), { tone: 'error' })
  }

  /** Runs an action: its result (or undefined when it failed, which is said). */
  async function run<T>(action: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> {
    if (options.busy) options.busy.value = true
    try {
      const result = await action()
      const notice = options.done?.(result)
      if (notice !== undefined) tell(notice)
      return result
    } catch (error) {
      fail(error)
      return undefined
    } finally {
      if (options.busy) options.busy.value = false
    }
  }

  return { run, tell, fail }
}
