// Solving Kring's proof-of-work (an ALTCHA v2 challenge, algorithm "PBKDF2/SHA-256"), written
// for Kring: no third-party code. Find the counter n for which
// PBKDF2-SHA-256(password = nonce || uint32_be(n), salt, cost iterations) starts with the key
// prefix. The server chose n, so the work is n derivations whatever happens; the browser's own
// crypto.subtle does them. Used by pow-worker.js (off the page's thread) and by tests.
const MAX_COUNTER = 1_000_000;
const IN_FLIGHT = 4; // derivations at once: crypto.subtle may spread them over cores

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

async function derive(nonce, counter, salt, iterations, keyLength) {
  const password = new Uint8Array(nonce.length + 4);
  password.set(nonce, 0);
  new DataView(password.buffer).setUint32(nonce.length, counter, false);
  const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    keyLength * 8,
  );
  return new Uint8Array(bits);
}

// onProgress(tried, expectedAtMost) is called after every few tries.
export async function solve(challenge, onProgress = () => {}) {
  const params = challenge.parameters;
  if (params.algorithm !== "PBKDF2/SHA-256") throw new Error("unsupported");
  const salt = hexToBytes(params.salt);
  const nonce = hexToBytes(params.nonce);
  const prefix = hexToBytes(params.keyPrefix);
  const keyLength = params.keyLength || 32;
  const iterations = params.cost;
  const atMost = (params.data && params.data.max) || 0;
  const started = performance.now();
  for (let start = 0; start < MAX_COUNTER; start += IN_FLIGHT) {
    const jobs = [];
    for (let counter = start; counter < start + IN_FLIGHT; counter += 1) {
      jobs.push(derive(nonce, counter, salt, iterations, keyLength));
    }
    const keys = await Promise.all(jobs);
    for (let i = 0; i < keys.length; i += 1) {
      if (startsWith(keys[i], prefix)) {
        return {
          counter: start + i,
          derivedKey: bytesToHex(keys[i]),
          time: performance.now() - started,
        };
      }
    }
    onProgress(start + IN_FLIGHT, atMost);
  }
  throw new Error("not solved");
}
