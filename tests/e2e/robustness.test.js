// Bad and unusual input through the page: each case ends, in bounded time, with
// the documents analyzed or a message naming the file, no console errors, and
// a page that still analyzes the next article. Every input is made here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, TARGET, openPage, waitForAnalysis } from './browser.js';

const TIMINGS = join(TARGET, 'e2e-robustness-timing.txt');

const env = useBrowser();
before(() => {
  writeFileSync(TIMINGS, '');
});

const file = (name, bytes, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(bytes) });
const article = (n) => `Footbridge ${n} reopens after repairs\n`
  + `Workers replaced ${n + 3} planks on the footbridge over the canal on Monday, the works office said.\n`
  + `"It is safe to cross again," said Tomas Reyland, who leads the repair crew.\n`;
const good = (n) => file(`good-${n}.txt`, article(n));
const utf16le = (text) => Buffer.from(text, 'utf16le');

function record(line) {
  appendFileSync(TIMINGS, `${line}\n`);
}

// What the reader sees: the status, the messages, the list and each document's
// text (the Documents view opened, which draws it).
const seen = (page) => page.evaluate(() => {
  document.getElementById('tab-button-documents').click();
  return {
    status: document.getElementById('status').textContent,
    messages: [...document.querySelectorAll('#messages li')].map((n) => n.textContent),
    list: [...document.querySelectorAll('#document-list li')].map((n) => ({
      name: n.querySelector('input').value,
      title: n.querySelector('.doc-title').textContent,
    })),
    texts: [...document.querySelectorAll('#tab-documents article.doc')]
      .map((a) => [...a.querySelectorAll('.line')].map((l) => l.textContent).join('\n')),
    quotes: [...document.querySelectorAll('#tab-documents article.doc')]
      .map((a) => [...a.querySelectorAll('mark[data-kind="quote"]')].map((m) => m.textContent)),
  };
});

// Adds the files and waits for the analysis; checks that `expected` documents
// were analyzed and every other file has a message naming it, then that one
// more article is still analyzed.
async function outcome(files, expected, { timeout = 30000 } = {}) {
  const { page, problems } = await openPage(env.browser, env.server.url);
  const started = Date.now();
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => /Analyzed \d+ /.test(document.getElementById('status').textContent), null, { timeout });
  const millis = Date.now() - started;
  const result = await seen(page);
  const analyzed = Number(/Analyzed (\d+) /.exec(result.status)[1]);
  assert.equal(analyzed, expected, `status: ${result.status}; messages: ${result.messages}`);
  const notAnalyzed = result.list.filter((d) => !d.title || d.title === 'not analyzed');
  for (const doc of notAnalyzed) {
    assert.ok(result.messages.some((m) => m.startsWith(`${doc.name}:`)), `${doc.name} has no message: ${result.messages}`);
  }
  assert.equal(result.list.length - notAnalyzed.length, analyzed);
  await page.setInputFiles('#file-input', [file('next.txt', article(99))]);
  await waitForAnalysis(page, analyzed + 1);
  assert.deepEqual(problems, []);
  await page.close();
  return { ...result, millis };
}

test('an empty file gets a message, the other file is analyzed', async () => {
  const { messages } = await outcome([file('empty.txt', ''), good(1)], 1);
  assert.ok(messages.some((m) => m.startsWith('empty.txt:') && m.includes('no text')), `messages: ${messages}`);
});

test('a whitespace-only file gets a message', async () => {
  const { messages } = await outcome([file('blank.txt', ' \n\t \r\n\u00a0  \n'), good(1)], 1);
  assert.ok(messages.some((m) => m.startsWith('blank.txt:') && m.includes('no text')), `messages: ${messages}`);
});

test('a single document is analyzed, with a hint to add another', async () => {
  const { messages, list } = await outcome([good(1)], 1);
  assert.equal(list[0].title, 'Footbridge 1 reopens after repairs');
  assert.ok(messages.some((m) => m.includes('Only one document')), `messages: ${messages}`);
});

test('300 small documents are analyzed within a minute', { timeout: 120000 }, async () => {
  const files = Array.from({ length: 300 }, (_, i) => good(i + 1));
  const { millis, list, status } = await outcome(files, 300, { timeout: 60000 });
  record(`300 documents: ${millis} ms from files added to results shown, status "${status}"`);
  assert.equal(list.length, 300);
  assert.ok(millis < 60000, `${millis} ms`);
});

test('a paste over 5 MB stays in the box with a message saying so', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.click('#paste-panel summary');
  // 2.75 million characters, 5.5 MB in UTF-8: the limit counts bytes.
  await page.evaluate(() => { document.getElementById('paste-text').value = 'é'.repeat(2_750_000); });
  await page.click('#paste-add');
  const { messages, list } = await seen(page);
  assert.ok(messages.some((m) => m.includes('5 MB') && m.includes('still in the box')), `messages: ${messages}`);
  assert.equal(await page.$eval('#paste-text', (t) => t.value.length), 2_750_000);
  assert.equal(list.length, 0);
  await page.setInputFiles('#file-input', [good(1)]);
  await waitForAnalysis(page, 1);
  assert.equal(await page.$eval('#paste-text', (t) => t.value.length), 2_750_000);
  assert.deepEqual(problems, []);
});

test('a 10 MB line without spaces is refused by size', async () => {
  const { messages } = await outcome([file('long-line.txt', 'x'.repeat(10 * 1024 * 1024)), good(1)], 1);
  assert.ok(messages.some((m) => m.startsWith('long-line.txt:') && m.includes('MB')), `messages: ${messages}`);
});

test('PNG, PDF and ZIP files each get a message, the articles beside them are analyzed', async () => {
  const { messages } = await outcome([
    good(1),
    file('photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'image/png'),
    file('scan.pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'application/pdf'),
    file('bundle.zip', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], 'application/zip'),
    good(2),
  ], 2);
  for (const [name, kind] of [['photo.png', 'PNG'], ['scan.pdf', 'PDF'], ['bundle.zip', 'ZIP']]) {
    assert.ok(messages.some((m) => m.startsWith(`${name}:`) && m.includes(kind)), `${name}: ${messages}`);
  }
});

test('UTF-16 LE with a byte order mark is decoded', async () => {
  const { list, texts } = await outcome([file('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(article(1))]))], 1);
  assert.equal(list[0].title, 'Footbridge 1 reopens after repairs');
  assert.ok(texts[0].includes('Tomas Reyland'));
});

test('UTF-16 LE without a byte order mark is decoded', async () => {
  const { list, texts } = await outcome([file('utf16-plain.txt', utf16le(article(1))), good(2)], 2);
  assert.equal(list[0].title, 'Footbridge 1 reopens after repairs');
  assert.ok(texts[0].includes('Tomas Reyland'), texts[0]);
});

test('invalid UTF-8 bytes are read as text', async () => {
  const bytes = Buffer.concat([Buffer.from(article(1)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x80]), Buffer.from(' Repairs ended on time.\n')]);
  const { list, texts } = await outcome([file('broken-utf8.txt', bytes)], 1);
  assert.equal(list[0].title, 'Footbridge 1 reopens after repairs');
  assert.ok(texts[0].includes('Repairs ended on time.'));
});

test('Windows-1252 curly quotes and accents are decoded', async () => {
  const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' by the canal reopens\nThe owner said: '),
    Buffer.from([0x93]), Buffer.from('We are glad to be back.'), Buffer.from([0x94]), Buffer.from(' The caf'), Buffer.from([0xe9]), Buffer.from(' had been shut for a month.\n')]);
  const { list, texts } = await outcome([file('cp1252.txt', bytes)], 1);
  assert.equal(list[0].title, 'Café by the canal reopens');
  assert.ok(texts[0].includes('“We are glad to be back.”'), texts[0]);
});

test('mixed \\r\\n, \\r and \\n line endings become lines', async () => {
  const { texts } = await outcome([file('endings.txt', 'Canal path reopens\r\nThe path reopened on Monday.\rIt had been closed for a week.\nCyclists welcomed the news.\r\n')], 1);
  assert.deepEqual(texts[0].split('\n'), ['Canal path reopens', 'The path reopened on Monday.', 'It had been closed for a week.', 'Cyclists welcomed the news.']);
});

test('NUL bytes inside text are dropped, the text kept', async () => {
  const { list, texts } = await outcome([file('nul.txt', article(1).replace('planks', 'planks\0\0')), good(2)], 2);
  assert.equal(list[0].title, 'Footbridge 1 reopens after repairs');
  assert.ok(texts[0].includes('replaced 4 planks on the footbridge'), texts[0]);
});

test('100,000 quote marks are analyzed', async () => {
  const { millis, texts } = await outcome([file('quotes.txt', `Quote marks\n${'"'.repeat(100_000)}\n`), good(1)], 2);
  record(`100,000 quote marks: ${millis} ms`);
  assert.equal(texts[0].length, 'Quote marks\n'.length + 100_000);
});

test('unbalanced quotes everywhere are analyzed', async () => {
  const line = (i) => `"The ferry ${i} was late, said one rider. 'It always is, said another. “Not today, the captain said. «Maybe tomorrow. ‘Fine.`;
  const text = `Ferry delays anger riders\n${Array.from({ length: 400 }, (_, i) => line(i)).join('\n')}\n`;
  const { millis, texts } = await outcome([file('unbalanced.txt', text), good(1)], 2);
  record(`unbalanced quotes (400 lines): ${millis} ms`);
  assert.ok(texts.some((t) => t.includes('The ferry 399 was late')));
});

test('HTML nested 10,000 levels deep is read as text', { timeout: 120000 }, async () => {
  const html = `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(10_000)}`
    + `<p>The canal lock was repaired on Monday, the works office said.</p>${'</div>'.repeat(10_000)}</body></html>`;
  const { millis, status, texts } = await outcome([file('deep.html', html, 'text/html'), good(1)], 2, { timeout: 90000 });
  record(`HTML nested 10,000 deep: ${millis} ms, status "${status}"`);
  assert.ok(texts[0].includes('The canal lock was repaired on Monday'), texts[0]);
});

test('right-to-left and CJK text keeps every character', async () => {
  const arabic = 'افتتاح الجسر الجديد\nافتُتح الجسر الجديد فوق القناة يوم الاثنين. وقال المهندس: «الجسر آمن تماماً».\n';
  const hebrew = 'הגשר החדש נפתח\nהגשר החדש מעל התעלה נפתח ביום שני. "הגשר בטוח לגמרי", אמר המהנדס.\n';
  const japanese = '新しい橋が開通\n運河に架かる新しい橋が月曜日に開通した。「橋は完全に安全だ」と技師は述べた。\n';
  const chinese = '新桥通车\n运河上的新桥于周一通车。工程师说：“这座桥完全安全。”\n';
  const { list, texts, quotes } = await outcome(
    [file('ar.txt', arabic), file('he.txt', hebrew), file('ja.txt', japanese), file('zh.txt', chinese)], 4);
  assert.deepEqual(texts, [arabic, hebrew, japanese, chinese].map((t) => t.trimEnd()));
  // Highlights sit on the right characters: offsets are code points.
  assert.deepEqual(quotes[0], ['«الجسر آمن تماماً»']);
  assert.deepEqual(quotes[1], ['"הגשר בטוח לגמרי"']);
  record(`right-to-left and CJK titles: ${list.map((d) => d.title).join(' | ')}`);
});

test('emoji and combining marks keep their place', async () => {
  const text = 'Harbour 🚢 festival returns 🎉\nThe festival drew crowds 👍🏽 to the quay on Sunday.\n'
    + '"Cafe\u0301s and stalls were full," said Zoe\u0308 Marti\u0301nez, who runs one.\n';
  const { list, texts, quotes } = await outcome([file('emoji.txt', text)], 1);
  assert.equal(list[0].title, 'Harbour 🚢 festival returns 🎉');
  assert.equal(texts[0], text.trimEnd());
  assert.deepEqual(quotes[0], ['"Cafe\u0301s and stalls were full,"']);
});

test('zero-width characters leave the words intact', async () => {
  const text = 'Lock\u200b gates on the old canal\u200d replaced after the storm\n'
    + 'The\u200c lock\u2060 gates were\ufeff replaced on Monday, the works office said.\n';
  const { list, texts } = await outcome([file('zero-width.txt', text), good(1)], 2);
  // Whether the core keeps or drops them, the visible text is the same.
  const visible = (t) => t.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  assert.equal(visible(list[0].title), 'Lock gates on the old canal replaced after the storm');
  assert.equal(visible(texts[0]), visible(text).trimEnd());
});
