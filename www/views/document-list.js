// The documents to compare: rename, remove, and each one's title once analyzed.
import { element } from './dom.js';

export function renderDocumentList(list, { documents, report, reportDocIds, onRename, onRemove }) {
  list.replaceChildren(...documents.map((doc) => {
    const index = reportDocIds.indexOf(doc.id);
    const analyzed = report && index >= 0 ? report.documents[index] : null;
    const failed = report && report.errors.find((e) => e.name === doc.name);
    const name = element('input', { type: 'text', value: doc.name, 'aria-label': 'Document name' });
    name.addEventListener('change', () => onRename(doc.id, name.value));
    const remove = element('button', { type: 'button', 'aria-label': `Remove ${doc.name}` }, '×');
    remove.addEventListener('click', () => onRemove(doc.id));
    const title = element('span', { class: 'doc-title' },
      analyzed ? (analyzed.title || '(no headline)') : failed ? 'not analyzed' : '');
    const badge = element('span', { class: 'doc-index' }, analyzed ? String(index + 1) : '–');
    return element('li', { class: failed ? 'document failed' : 'document' }, badge, name, title, remove);
  }));
}
