// How things leave this browser, as the person chose on this device: « Sans les noms des personnes » stays chosen
// from one export, one page and one visit to the next (localStorage: a preference, not data).
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const WITHOUT_NAMES_KEY = 'fiche-projet-data:exports-sans-noms'

function readPreference(): boolean {
  try {
    return localStorage.getItem(WITHOUT_NAMES_KEY) === 'oui'
  } catch {
    return false
  }
}

export const useExportOptionsStore = defineStore('export-options', () => {
  const withoutNames = ref(readPreference())
  watch(withoutNames, (value) => {
    try {
      if (value) localStorage.setItem(WITHOUT_NAMES_KEY, 'oui')
      else localStorage.removeItem(WITHOUT_NAMES_KEY)
    } catch {
      // A browser that refuses storage keeps the choice for this visit.
    }
  })
  return { withoutNames }
})
