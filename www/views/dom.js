// Builds elements with text content only: user text never goes through innerHTML.

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'value') node.value = value;
    else if (name === 'checked') node.checked = Boolean(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A stable colour class per speaker, so one speaker has one colour everywhere.
export function speakerClass(speaker) {
  if (!speaker) return 'speaker-none';
  let hash = 0;
  for (const ch of speaker) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `speaker-${hash % 8}`;
}

export function documentLabel(report, corrections, index) {
  const doc = report.documents[index];
  const outlet = corrections[index]?.outlet ?? doc.outlet;
  return `${index + 1}. ${outlet || doc.name}`;
}
