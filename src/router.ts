// Routes are lazy: the library loads no Chart.js, the editor and its radar load when a sheet is opened.
import { createRouter, createWebHistory } from 'vue-router'
import { loadImportMessages, loadPrivacyMessages, loadSheetMessages, loadWorkshopMessages } from './i18n'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'library', component: () => import('./views/LibraryView.vue') },
    // « Corbeille »: the deleted sheets, kept 30 days; its words are the library's (fr.json).
    { path: '/corbeille', name: 'trash', component: () => import('./views/TrashView.vue') },
    {
      path: '/fiches/:id',
      name: 'sheet',
      // The editor's words come with its code, and the fields' names (what another tab changed is said with them).
      component: () =>
        Promise.all([import('./views/SheetView.vue'), loadSheetMessages(), loadImportMessages()]).then(([view]) => view),
      props: true,
    },
    // Several people's scores of one sheet and their consensus: the radar's words and code, and the workshops'.
    {
      path: '/fiches/:id/avis',
      name: 'ratings',
      component: () =>
        Promise.all([import('./views/RatingsView.vue'), loadSheetMessages(), loadWorkshopMessages()]).then(([view]) => view),
      props: true,
    },
    // Workshops and their restitution screens: their code and words load only when a facilitator opens them.
    {
      path: '/ateliers',
      name: 'workshops',
      component: () => Promise.all([import('./views/WorkshopsView.vue'), loadWorkshopMessages()]).then(([view]) => view),
    },
    {
      path: '/ateliers/:id',
      name: 'workshop',
      component: () => Promise.all([import('./views/WorkshopView.vue'), loadWorkshopMessages()]).then(([view]) => view),
      props: true,
    },
    // A committee's ranked vote: set up from a workshop; its voters, ballots and results.
    {
      path: '/votes/:id',
      name: 'vote',
      component: () => Promise.all([import('./views/VoteView.vue'), loadWorkshopMessages()]).then(([view]) => view),
      props: true,
    },
    {
      path: '/votes/:id/bulletin/:voterId',
      name: 'ballot',
      component: () => Promise.all([import('./views/BallotView.vue'), loadWorkshopMessages()]).then(([view]) => view),
      props: true,
    },
    {
      path: '/votes/:id/resultats',
      name: 'vote-results',
      meta: { wide: true },
      component: () => Promise.all([import('./views/VoteResultsView.vue'), loadWorkshopMessages()]).then(([view]) => view),
      props: true,
    },
    {
      path: '/restitution/comparaison',
      name: 'compare',
      meta: { wide: true },
      component: () =>
        Promise.all([import('./views/CompareView.vue'), loadWorkshopMessages(), loadSheetMessages()]).then(([view]) => view),
    },
    {
      path: '/restitution/matrice',
      name: 'matrix',
      meta: { wide: true },
      component: () =>
        Promise.all([import('./views/MatrixView.vue'), loadWorkshopMessages(), loadSheetMessages()]).then(([view]) => view),
    },
    {
      path: '/restitution/presentation',
      name: 'presentation',
      // Its full-screen stage takes the keyboard itself (useRouteFocus leaves it alone).
      meta: { ownsFocus: true },
      component: () =>
        Promise.all([import('./views/PresentationView.vue'), loadWorkshopMessages(), loadSheetMessages()]).then(([view]) => view),
    },
    {
      path: '/confidentialite',
      name: 'privacy',
      // Its words link to the editor's (« @:editor.data.datasetPersonal »): those come too.
      component: () =>
        Promise.all([import('./views/PrivacyView.vue'), loadPrivacyMessages(), loadSheetMessages()]).then(([view]) => view),
    },
    { path: '/:path(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior(to, _from, saved) {
    if (saved) return saved
    // A share link's fragment (#partage=…) is data, not a place in the page.
    if (to.hash && !to.hash.startsWith('#partage=')) return { el: to.hash }
    return { top: 0 }
  },
})
