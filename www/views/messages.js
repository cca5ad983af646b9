// Status line (with progress and cancel) and the list of messages for the reader.

export function setStatus(container, { busy, text, onCancel }) {
  container.replaceChildren();
  container.classList.toggle('busy', busy);
  if (busy) {
    const progress = document.createElement('progress');
    progress.setAttribute('aria-label', 'Analysis in progress');
    container.append(progress);
  }
  const label = document.createElement('span');
  label.textContent = busy ? `${text[0].toUpperCase()}${text.slice(1)}…` : text;
  container.append(label);
  if (busy && onCancel) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Cancel';
    button.addEventListener('click', onCancel);
    container.append(button);
  }
}

export function showMessages(list, messages) {
  list.replaceChildren(...messages.map((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }));
}
