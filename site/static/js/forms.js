// Forms: the error summary gets focus after a server-side error, and long text fields count
// their characters while someone types. Both only add to what the page already says without
// JavaScript (the summary has `autofocus`; the counter's place states the limits).

const summary = document.querySelector("[data-error-summary]");
if (summary && document.activeElement !== summary) {
  summary.focus();
}
if (summary) summary.scrollIntoView({ block: "start" });

// The server counts what the browser sends, where every line break is two characters (CR LF).
function length(text) {
  const trimmed = text.trim();
  return [...trimmed].length + (trimmed.match(/\n/g) || []).length;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => String(values[name] ?? match));
}

for (const field of document.querySelectorAll("textarea[data-count-max]")) {
  const counter = document.querySelector(`[data-count-for="${field.id}"]`);
  if (!counter) continue;
  const status = counter.nextElementSibling?.matches("[data-count-status]")
    ? counter.nextElementSibling
    : null;
  const min = Number(field.dataset.countMin || 0);
  const max = Number(field.dataset.countMax);
  let pause = null;

  const update = () => {
    const count = length(field.value);
    let text;
    if (count > max) text = fill(counter.dataset.over, { count, over: count - max });
    else if (count < min) text = fill(counter.dataset.below, { count, more: min - count });
    else text = fill(counter.dataset.within, { count, left: max - count });
    counter.textContent = text;
    counter.classList.toggle("field__count--over", count > max);
    // Screen readers hear the count once typing pauses, not at every key.
    if (status) {
      clearTimeout(pause);
      pause = setTimeout(() => { status.textContent = text; }, 1500);
    }
  };
  field.addEventListener("input", update);
  // Until she types, the limits stay as the page states them; after an error, the count.
  if (field.value) update();
}
