import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { createAppI18n } from './i18n'
import './styles/main.css'

createApp(App).use(createPinia()).use(router).use(createAppI18n()).mount('#app')
