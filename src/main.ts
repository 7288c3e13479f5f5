import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { createAppI18n, useAppI18n } from './i18n'
import { listenForLaunchedFiles } from './services/launch-queue'
import { databaseListeners } from './storage'
import { useNotificationsStore } from './stores/notifications'
import { isScreenLoadFailure } from './services/screen-load'
import './styles/main.css'

const pinia = createPinia()
const i18n = useAppI18n(createAppI18n())
createApp(App).use(pinia).use(router).use(i18n).mount('#app')

// A sheet file opened with the installed app is imported like a file dropped on the library, which takes it.
listenForLaunchedFiles(() => void router.push({ name: 'library' }))

// A newer version of the app opened in another tab takes the database over: say so, and offer to reload.
databaseListeners.versionChange = () =>
  useNotificationsStore(pinia).notify(i18n.global.t('app.versionChange'), {
    tone: 'error',
    action: { label: i18n.global.t('app.reload'), run: () => location.reload() },
  })
databaseListeners.blocked = () =>
  useNotificationsStore(pinia).notify(i18n.global.t('app.databaseBlocked'), { tone: 'error' })

// A screen whose code could not be fetched leaves the router where it was: say so rather than ignore the click, and
// offer to open it again as a fresh page (which fetches its code anew).
router.onError((error, to) => {
  if (!isScreenLoadFailure(error)) return
  useNotificationsStore(pinia).notify(i18n.global.t('app.screenLoadFailed'), {
    tone: 'error',
    action: { label: i18n.global.t('app.retry'), run: () => location.assign(router.resolve(to).href) },
  })
})
