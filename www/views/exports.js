// The Export bar of the results: the report as JSON, one table as CSV, the
// core's Markdown summary and the HTML report, each saved as a file.
import { element } from './dom.js';
import { TABLES, exportContext, jsonFile, tableFile, htmlFile, fileStem, download } from '../export.js';

// `corrections()` gives what the reader changed, read at each click.
export function renderExports(container, { report, markdown, corrections }) {
  const context = () => exportContext(report, corrections());
  const button = (kind, text, save, title) => {
    const node = element('button', { type: 'button', 'data-export': kind, title, disabled: !save }, text);
    node.addEventListener('click', async () => {
      const at = context();
      try {
        const [suffix, type, content] = await save(at);
        download(`${fileStem(at)}${suffix}`, type, content);
        note.textContent = unavailable;
      } catch (error) {
        note.textContent = `The export failed: ${error.message}`;
      }
    });
    return node;
  };
  const table = element('select', { 'aria-label': 'Table to export as CSV', 'data-export': 'table' },
    TABLES.map((t) => element('option', { value: t.name }, t.title)));
  const unavailable = markdown == null ? 'The Markdown summary is unavailable: none came with this analysis.' : '';
  const note = element('span', { class: 'exports-note', role: 'status' }, unavailable);
  container.replaceChildren(
    element('span', { class: 'exports-title' }, 'Export'),
    button('json', 'JSON', (at) => ['.json', 'application/json', jsonFile(report, at.corrections)], 'The whole report with your corrections'),
    element('span', { class: 'exports-group' }, table,
      button('csv', 'CSV', (at) => [`-${table.value}.csv`, 'text/csv;charset=utf-8', tableFile(table.value, at)], 'The chosen table, for a spreadsheet')),
    button('markdown', 'Markdown', markdown == null ? null : () => ['.md', 'text/markdown;charset=utf-8', markdown], 'A summary to read or paste into notes'),
    button('html', 'HTML report', async (at) => ['.html', 'text/html;charset=utf-8', await htmlFile(at)], 'A report that opens offline and prints'),
    note);
}
