// The bystanders' guide without page reloads: each step's form is posted with fetch and the
// next screen replaces the current one. The answers travel only in the post body, exactly as
// without JavaScript; nothing goes into the address bar, the history or the browser's storage.
// Without this module every step is a plain form post.
const root = document.querySelector("[data-guide-root]");

function showPrintButtons() {
  for (const button of root.querySelectorAll("[data-guide-print]")) button.hidden = false;
}

function postPlainly(form, submitter) {
  form.removeAttribute("data-guide-form");
  form.requestSubmit(submitter);
}

async function move(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-guide-form")) return;
  event.preventDefault();
  const submitter = event.submitter;
  let next;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form, submitter)),
      cache: "no-store",
      redirect: "error",
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    next = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch {
    postPlainly(form, submitter);
    return;
  }
  const fresh = next.querySelector("[data-guide-root]");
  if (!fresh) {
    postPlainly(form, submitter);
    return;
  }
  root.replaceChildren(...[...fresh.childNodes]);
  document.title = next.title;
  showPrintButtons();
  window.scrollTo(0, 0);
  root.querySelector("[data-guide-heading]")?.focus();
}

if (root) {
  root.addEventListener("submit", move);
  root.addEventListener("click", (event) => {
    if (event.target.closest("[data-guide-print]")) window.print();
  });
  showPrintButtons();
}
