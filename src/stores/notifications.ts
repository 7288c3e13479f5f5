// Short messages shown in the toast region, with an optional action such as "Annuler".
import { defineStore } from 'pinia'
import { ref } from 'vue'

interface NotificationAction {
  label: string
  run: () => void | Promise<void>
}

interface Notification {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: NotificationAction
}

// Long enough to read the message and reach "Annuler" by keyboard.
const DISPLAY_MS = 10_000

export const useNotificationsStore = defineStore('notifications', () => {
  const notifications = ref<Notification[]>([])
  let nextId = 1
  const timers = new Map<number, ReturnType<typeof setTimeout>>()

  /** Notifications that go away by themselves (not errors), and are not held by a pointer or the keyboard. */
  const fading = new Set<number>()

  function startTimer(id: number) {
    clearTimeout(timers.get(id))
    timers.set(id, setTimeout(() => dismiss(id), DISPLAY_MS))
  }

  function dismiss(id: number) {
    clearTimeout(timers.get(id))
    timers.delete(id)
    fading.delete(id)
    notifications.value = notifications.value.filter((notification) => notification.id !== id)
  }

  function notify(message: string, options: { tone?: Notification['tone']; action?: NotificationAction } = {}) {
    const id = nextId++
    notifications.value = [...notifications.value, { id, message, tone: options.tone ?? 'info', action: options.action }]
    // Errors stay until dismissed: a person must be able to read why something failed.
    if (options.tone !== 'error') {
      fading.add(id)
      startTimer(id)
    }
    return id
  }

  /**
   * While the pointer is over a notification or the keyboard is in it, it stays (WCAG 2.2.1, RGAA 13.1): a person
   * reaching « Annuler » must not see it vanish. Let go, it stays a full display time more.
   */
  function hold(id: number) {
    clearTimeout(timers.get(id))
    timers.delete(id)
  }

  function release(id: number) {
    if (fading.has(id)) startTimer(id)
  }

  async function runAction(id: number) {
    const notification = notifications.value.find((candidate) => candidate.id === id)
    dismiss(id)
    await notification?.action?.run()
  }

  return { notifications, notify, dismiss, runAction, hold, release }
})
