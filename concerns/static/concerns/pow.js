// Proof-of-work for the neighbour-concern form, written for Kring (no third-party code).
//
// As soon as the page opens, a Web Worker (pow-worker.js) solves the server's challenge with
// the browser's own crypto.subtle (PBKDF2-SHA-256, see pow-solve.js), usually before the form
// is filled in. If the neighbour sends the form sooner, the page shows how far the check is.
// The solution goes into the hidden "altcha" field. Without JavaScript, module workers or
// crypto.subtle, or when anything here fails, the form is sent without it and the server
// applies its stricter limits instead: the form always works.
export { solve } from "./pow-solve.js";

const form = document.querySelector("[data-pow-form]");
const GIVE_UP_AFTER_MS = 60_000;

async function fetchChallenge(url) {
  const response = await fetch(url, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error("no challenge");
  return response.json();
}

function solveInWorker(workerUrl, challenge, onProgress) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { type: "module" });
    worker.addEventListener("message", (event) => {
      if (event.data.progress !== undefined) {
        onProgress(event.data.progress);
        return;
      }
      worker.terminate();
      if (event.data.solution) resolve(event.data.solution);
      else reject(new Error(event.data.error || "not solved"));
    });
    worker.addEventListener("error", () => {
      worker.terminate();
      reject(new Error("worker failed"));
    });
    worker.postMessage(challenge);
  });
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => { setTimeout(() => reject(new Error("timeout")), ms); }),
  ]);
}

if (form && window.crypto && crypto.subtle && window.Worker) {
  const url = form.dataset.powChallengeUrl;
  const workerUrl = form.dataset.powWorkerUrl;
  const field = form.querySelector('input[name="altcha"]');
  const status = form.querySelector("[data-pow-status]");
  const bar = form.querySelector("[data-pow-progress]");
  const button = form.querySelector('button[type="submit"]');
  let progress = 0;
  let waiting = false;

  const show = () => {
    if (!waiting) return;
    const percent = Math.round(progress * 100);
    if (status) status.textContent = `${status.dataset.busyText || ""} ${percent}%`;
    if (bar) {
      bar.hidden = false;
      bar.value = percent;
    }
  };

  const start = () => {
    progress = 0;
    const solving = fetchChallenge(url).then(async (challenge) => {
      const solution = await solveInWorker(workerUrl, challenge, (value) => {
        progress = value;
        show();
      });
      return {
        payload: btoa(JSON.stringify({ challenge, solution })),
        expiresAt: (challenge.parameters.expiresAt || 0) * 1000,
      };
    });
    solving.catch(() => {});
    return solving;
  };

  let pending = start();
  let sending = false;

  form.addEventListener("submit", async (event) => {
    if (sending) return;
    event.preventDefault();
    sending = true;
    waiting = true;
    if (button) button.disabled = true;
    show();
    try {
      let result = await withTimeout(pending, GIVE_UP_AFTER_MS);
      if (result.expiresAt && result.expiresAt < Date.now() + 30_000) {
        pending = start();
        result = await withTimeout(pending, GIVE_UP_AFTER_MS);
      }
      field.value = result.payload;
    } catch {
      field.value = ""; // the server's stricter limits apply instead
    }
    form.submit();
  });

  // Coming back with the Back button shows the page from memory: make the form usable again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    sending = false;
    waiting = false;
    if (button) button.disabled = false;
    if (status) status.textContent = "";
    if (bar) bar.hidden = true;
    field.value = "";
    pending = start();
  });
}
