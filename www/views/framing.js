// How each source frames the story: the headline's verb, the verbs it
// attributes quotes with by side, its hedges, whom it quotes and how much.
import { element, speakerClass } from './dom.js';
import { placeLink } from './links.js';

export function framingTable(report, label) {
  const framing = report.comparison.framing || [];
  if (!framing.length) return element('p', { class: 'hint' }, 'Framing is compared when there are two sources or more.');
  const head = element('tr', {}, ['Source', 'Headline verb', 'Attribution verbs by side', 'Hedges', 'Voices', 'Sides']
    .map((title) => element('th', { scope: 'col' }, title)));
  const body = framing.map((f) => {
    const doc = report.documents[f.doc];
    return element('tr', { 'data-doc': f.doc },
      element('th', { scope: 'row' }, label(f.doc)),
      element('td', { class: 'headline-verb' }, f.headline_verb
        ? [element('strong', {}, f.headline_verb), f.headline_lemma && f.headline_lemma !== f.headline_verb.toLowerCase() ? ` (${f.headline_lemma})` : '', tone(f.headline_lemma, f.verbs)]
        : element('span', { class: 'hint' }, doc.title ? 'none' : 'no headline')),
      element('td', { class: 'verbs' }, verbsBySide(f.verbs || [])),
      element('td', { class: 'hedges' }, (f.hedges || []).length
        ? element('ul', {}, f.hedges.map((h, i) => {
          const id = hedgeId(report, f.doc, h, i);
          return element('li', {}, id ? placeLink(id, id, `“${h.text}”`) : `“${h.text}”`, ` ${h.kind}`);
        }))
        : element('span', { class: 'hint' }, 'none')),
      element('td', { class: 'voices' }, (f.voices || []).length
        ? element('ul', {}, f.voices.map((v) => element('li', { class: 'voice', 'data-speaker': v.speaker },
          element('span', { class: `speaker-name ${speakerClass(v.speaker)}` }, v.speaker),
          v.affiliation ? element('span', { class: 'affiliation' }, ` (${v.affiliation})`) : null,
          ` — ${v.quotes} quote${v.quotes === 1 ? '' : 's'}, ${v.words} word${v.words === 1 ? '' : 's'}`)))
        : element('span', { class: 'hint' }, 'no one quoted')),
      element('td', { class: 'sides' }, (f.sides || []).length
        ? element('ul', {}, f.sides.map((s) => element('li', {},
          element('strong', {}, s.affiliation), `: ${s.quotes} quote${s.quotes === 1 ? '' : 's'}, ${s.words} words — ${s.speakers.join(', ')}`)))
        : element('span', { class: 'hint' }, 'none')));
  });
  return element('div', { class: 'framing-wrap' },
    element('table', { class: 'framing', 'aria-label': 'Framing by source' }, element('thead', {}, head), element('tbody', {}, body)));
}

// The tones of docs/report.md's "Framing", for a headline verb no quote uses.
const TONES = {
  claim: 'doubt', allege: 'doubt', accuse: 'charge', blame: 'charge', admit: 'concede', acknowledge: 'concede',
  deny: 'refute', reject: 'refute', warn: 'warn', insist: 'assert', vow: 'assert',
};

function tone(lemma, verbs) {
  const known = verbs?.find((v) => v.lemma === lemma)?.tone ?? TONES[lemma];
  return known && known !== 'neutral' ? element('span', { class: `tone tone-${known}` }, ` ${known}`) : '';
}

function verbsBySide(verbs) {
  if (!verbs.length) return element('span', { class: 'hint' }, 'none');
  const sides = Map.groupBy(verbs, (v) => v.side || 'unaffiliated');
  return element('dl', { class: 'verb-sides' }, [...sides].map(([side, list]) => [
    element('dt', {}, side),
    element('dd', {}, list.map((v, i) => [i ? ', ' : '',
      element('span', { class: `verb tone-${v.tone}`, title: v.tone }, v.lemma), v.count > 1 ? ` ×${v.count}` : '']))]));
}

// Hedges are not marked in the text: link to the sentence holding one.
function hedgeId(report, doc, hedge) {
  const sentences = report.documents[doc].sentences || [];
  const i = sentences.findIndex((s) => s.start <= hedge.start && s.end >= hedge.end);
  return i >= 0 ? `sent-${doc}-${i}` : null;
}
