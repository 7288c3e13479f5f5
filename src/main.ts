import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { createAppI18n } from './i18n'
import { onLaunchedFiles } from './services/launch-queue'
import './styles/main.css'

const pinia = createPinia()
const i18n = createAppI18n()
createApp(App).use(pinia).use(router).use(i18n).mount('#app')

// A sheet file opened with the installed app is imported like a file dropped on the library.
onLaunchedFiles(async (files) => {
  await router.push({ name: 'library' })
  const { useExchangeStore } = await import('./stores/exchange')
  await useExchangeStore(pinia).importFiles(files, (title) => i18n.global.t('exchange.importedCopyTitle', { title }))
})
