// The library (the home page) comes with the app's entry: one file instead of fifteen small ones. Every other route
// is lazy: the library loads no Chart.js, the editor and its radar load when a sheet is opened.
import { createRouter, createWebHistory } from 'vue-router'
import LibraryView from './views/LibraryView.vue'

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'library', component: LibraryView },
    // « Corbeille »: the deleted sheets, kept 30 days; its words are the library's (fr.json).
    { path: '/corbeille', name: 'trash', component: () => import('./views/TrashView.vue') },
    {
      path: '/fiches/:id',
      name: 'sheet',
      // The editor's words come with its code, and the fields' names (what another tab changed is said with them).
      component: () => import('./views/SheetView.vue'),
      props: true,
    },
    // Several people's scores of one sheet and their consensus: the radar's words and code, and the workshops'.
    {
      path: '/fiches/:id/avis',
      name: 'ratings',
      component: () => import('./views/RatingsView.vue'),
      props: true,
    },
    // Workshops and their restitution screens: their code and words load only when a facilitator opens them.
    {
      path: '/ateliers',
      name: 'workshops',
      component: () => import('./views/WorkshopsView.vue'),
    },
    {
      path: '/ateliers/:id',
      name: 'workshop',
      component: () => import('./views/WorkshopView.vue'),
      props: true,
    },
    // A committee's ranked vote: set up from a workshop; its voters, ballots and results.
    {
      path: '/votes/:id',
      name: 'vote',
      component: () => import('./views/VoteView.vue'),
      props: true,
    },
    {
      path: '/votes/:id/bulletin/:voterId',
      name: 'ballot',
      component: () => import('./views/BallotView.vue'),
      props: true,
    },
    {
      path: '/votes/:id/resultats',
      name: 'vote-results',
      meta: { wide: true },
      component: () => import('./views/VoteResultsView.vue'),
      props: true,
    },
    {
      path: '/restitution/comparaison',
      name: 'compare',
      meta: { wide: true },
      component: () => import('./views/CompareView.vue'),
    },
    {
      path: '/restitution/matrice',
      name: 'matrix',
      meta: { wide: true },
      component: () => import('./views/MatrixView.vue'),
    },
    {
      path: '/restitution/presentation',
      name: 'presentation',
      // Its full-screen stage takes the keyboard itself (useRouteFocus leaves it alone).
      meta: { ownsFocus: true },
      component: () => import('./views/PresentationView.vue'),
    },
    {
      path: '/confidentialite',
      name: 'privacy',
      // Its words link to the editor's (« @:editor.data.datasetPersonal »): those come too.
      component: () => import('./views/PrivacyView.vue'),
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
