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

  function dismiss(id: number) {
    clearTimeout(timers.get(id))
    timers.delete(id)
    notifications.value = notifications.value.filter((notification) => notification.id !== id)
  }

  function notify(message: string, options: { tone?: Notification['tone']; action?: NotificationAction } = {}) {
    const id = nextId++
    notifications.value = [...notifications.value, { id, message, tone: options.tone ?? 'info', action: options.action }]
    // Errors stay until dismissed: a person must be able to read why something failed.
    if (options.tone !== 'error') timers.set(id, setTimeout(() => dismiss(id), DISPLAY_MS))
    return id
  }

  async function runAction(id: number) {
    const notification = notifications.value.find((candidate) => candidate.id === id)
    dismiss(id)
    await notification?.action?.run()
  }

  return { notifications, notify, dismiss, runAction }
})
