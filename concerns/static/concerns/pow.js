// Proof-of-work for the neighbour-concern form, written for Kring (no third-party code).
//
// The server issues an ALTCHA v2 challenge (algorithm "SHA-256", cost 1): find the counter n
// for which SHA-256(salt || nonce || uint32_be(n)) starts with the key prefix. The browser's
// own crypto.subtle does the hashing. The solution goes into the hidden "altcha" field.
// Without JavaScript, or when anything here fails, the form is sent without it and the
// server applies its stricter limits instead: the form always works.
const form = document.querySelector("[data-pow-form]");
const MAX_COUNTER = 10_000_000;
const BATCH = 500; // digests in flight at once
const GIVE_UP_AFTER_MS = 30_000;

function hexToBytes(hex) {
  if (typeof hex !== "string" || hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) {
    throw new Error("bad hex");
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) {
    bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return bytes;
}

function bytesToHex(bytes) {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function startsWith(bytes, prefix) {
  for (let i = 0; i < prefix.length; i += 1) {
    if (bytes[i] !== prefix[i]) return false;
  }
  return true;
}

export async function solve(challenge) {
  const params = challenge.parameters;
  if (params.algorithm !== "SHA-256" || params.cost !== 1) throw new Error("unsupported");
  const salt = hexToBytes(params.salt);
  const nonce = hexToBytes(params.nonce);
  const prefix = hexToBytes(params.keyPrefix);
  const keyLength = params.keyLength || 32;
  const offset = salt.length + nonce.length;
  const started = performance.now();
  for (let start = 0; start < MAX_COUNTER; start += BATCH) {
    const jobs = [];
    for (let counter = start; counter < start + BATCH; counter += 1) {
      const data = new Uint8Array(offset + 4);
      data.set(salt, 0);
      data.set(nonce, salt.length);
      new DataView(data.buffer).setUint32(offset, counter, false);
      jobs.push(crypto.subtle.digest("SHA-256", data));
    }
    const digests = await Promise.all(jobs);
    for (let i = 0; i < digests.length; i += 1) {
      const key = new Uint8Array(digests[i]).subarray(0, keyLength);
      if (startsWith(key, prefix)) {
        return { counter: start + i, derivedKey: bytesToHex(key), time: performance.now() - started };
      }
    }
  }
  throw new Error("not solved");
}

async function fetchChallenge(url) {
  const response = await fetch(url, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error("no challenge");
  return response.json();
}

async function solvedPayload(url) {
  const challenge = await fetchChallenge(url);
  const solution = await solve(challenge);
  return {
    payload: btoa(JSON.stringify({ challenge, solution })),
    expiresAt: (challenge.parameters.expiresAt || 0) * 1000,
  };
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => { setTimeout(() => reject(new Error("timeout")), ms); }),
  ]);
}

if (form && window.crypto && crypto.subtle) {
  const url = form.dataset.powChallengeUrl;
  const field = form.querySelector('input[name="altcha"]');
  const status = form.querySelector("[data-pow-status]");
  const button = form.querySelector('button[type="submit"]');
  let pending = solvedPayload(url);
  pending.catch(() => {});
  let sending = false;

  form.addEventListener("submit", async (event) => {
    if (sending) return;
    event.preventDefault();
    sending = true;
    if (button) button.disabled = true;
    if (status) status.textContent = status.dataset.busyText || "";
    try {
      let result = await withTimeout(pending, GIVE_UP_AFTER_MS);
      if (result.expiresAt && result.expiresAt < Date.now() + 30_000) {
        pending = solvedPayload(url);
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
    if (button) button.disabled = false;
    if (status) status.textContent = "";
    field.value = "";
    pending = solvedPayload(url);
    pending.catch(() => {});
  });
}
