// Every downloaded file's name, from its one module: ASCII, dated with the device's calendar day.
import { describe, expect, it } from 'vitest'
import { calendarDay } from '@/domain/calendar-day'
import {
  ballotFileName,
  comparisonImageFileName,
  matrixImageFileName,
  radarImageFileName,
  sheetsFileName,
  sheetsSpreadsheetFileName,
  voteFileName,
  voteResultsFileName,
  votersFileName,
  workshopFileName,
} from '@/domain/file-names'
import { createSheet } from '@/domain/sheet'

describe('calendarDay', () => {
  it('is the device’s own day, not UTC’s', () => {
    expect(calendarDay(new Date(2026, 1, 19, 0, 30))).toBe('2026-02-19')
    expect(calendarDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31')
  })
})

describe('the names of downloaded files', () => {
  it('names sheet files as the exchange format says: one sheet, several, the parts of a backup', () => {
    const now = new Date(2026, 10, 5, 23, 30)
    expect(sheetsFileName([createSheet({ title: 'Mobilité rurale : TAD !' })], now)).toBe('fiche-mobilite-rurale-tad.json')
    const two = [createSheet({ title: 'A' }), createSheet({ title: 'B' })]
    expect(sheetsFileName(two, now)).toBe('fiches-2026-11-05.json')
    expect(sheetsFileName(two, now, { index: 2, total: 3 })).toBe('fiches-2026-11-05-partie-2-sur-3.json')
    expect(sheetsFileName(two, now, { index: 1, total: 1 })).toBe('fiches-2026-11-05.json')
  })

  it('names spreadsheets by date, or after their workshop, as the workshop’s own file', () => {
    expect(sheetsSpreadsheetFileName(new Date(2026, 2, 2))).toBe('fiches-2026-03-02.csv')
    expect(workshopFileName('Parcours data — atelier 3', 'csv')).toBe('atelier-parcours-data-atelier-3.csv')
    expect(workshopFileName('Parcours data — atelier 3', 'json')).toBe('atelier-parcours-data-atelier-3.json')
    expect(workshopFileName('  ', 'json')).toBe('atelier-sans-titre.json')
  })

  it('names a vote’s files vote-<title>-<date>, without saying « vote » twice', () => {
    expect(voteFileName({ title: 'Vote du comité — Mobilités', date: '2026-12-05' })).toBe('vote-du-comite-mobilites-2026-12-05.json')
    expect(voteFileName({ title: 'Commission Santé & Social', date: '2026-12-05' })).toBe('vote-commission-sante-social-2026-12-05.json')
    expect(voteFileName({ title: 'Votation citoyenne', date: '2027-01-15' })).toBe('vote-votation-citoyenne-2027-01-15.json')
    expect(voteFileName({ title: 'VOTE', date: '2027-01-15' })).toBe('vote-2027-01-15.json')
    expect(voteFileName({ title: '«  »', date: '2027-01-15' })).toBe('vote-sans-titre-2027-01-15.json')
    expect(votersFileName({ title: 'Vote du comité', date: '2026-12-05' })).toBe('vote-du-comite-2026-12-05-electeurs.json')
    expect(ballotFileName({ date: '2026-12-05' }, 'Métropole de Montpellier')).toBe('bulletin-metropole-de-montpellier-2026-12-05.json')
    expect(voteResultsFileName({ title: 'Vote du comité', date: '2026-12-05' }, 'csv')).toBe('resultats-vote-du-comite-2026-12-05.csv')
    expect(voteResultsFileName({ title: '', date: '2026-12-05' }, 'png')).toBe('resultats-sans-titre-2026-12-05.png')
  })

  it('names images after what they show', () => {
    expect(radarImageFileName('Télérelève des compteurs')).toBe('radar-telereleve-des-compteurs.png')
    expect(comparisonImageFileName('Atelier de Lyon', 'prototype')).toBe('comparaison-atelier-de-lyon-prototype.png')
    expect(comparisonImageFileName('Atelier de Lyon', 'scaleUp')).toBe('comparaison-atelier-de-lyon-passage-echelle.png')
    expect(matrixImageFileName('Sélection')).toBe('matrice-selection.png')
  })

  it('gives every name in lower-case ASCII, whatever the title', () => {
    const titles = ['Ça coûte 10 € ?', '数据项目', '\u202Eexe.pdf', 'mot '.repeat(50)]
    for (const title of titles) {
      for (const name of [sheetsFileName([createSheet({ title })], new Date()), radarImageFileName(title), workshopFileName(title, 'json')])
        expect(name).toMatch(/^[a-z0-9-]+\.(json|png)$/)
    }
  })
})
