// Status line (with progress and cancel) and the list of messages for the reader.

// `step` ({ done, total }) fills the bar; without it the bar only says "busy".
// While busy, the bar and the Cancel button are updated in place, never
// replaced, so a click or the keyboard focus on Cancel is not lost.
export function setStatus(container, { busy, text, onCancel, step }) {
  container.classList.toggle('busy', busy);
  const label = busy ? `${text[0].toUpperCase()}${text.slice(1)}…` : text;
  if (!busy || !container.querySelector('progress')) {
    container.replaceChildren();
    if (busy) {
      const progress = document.createElement('progress');
      progress.setAttribute('aria-label', 'Analysis in progress');
      container.append(progress);
    }
    container.append(document.createElement('span'));
    if (busy && onCancel) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Cancel';
      container.append(button);
    }
  }
  container.querySelector('span').textContent = label;
  const button = container.querySelector('button');
  if (button) button.onclick = onCancel;
  const progress = container.querySelector('progress');
  if (progress && step && step.total > 0) {
    progress.max = step.total;
    progress.value = step.done;
  } else if (progress) {
    progress.removeAttribute('value'); // indeterminate
  }
}

export function showMessages(list, messages) {
  list.replaceChildren(...messages.map((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }));
}
