// Runs the proof-of-work off the page's thread, so the page stays responsive and can show
// progress. Receives a challenge; sends {progress}, then {solution} or {error}.
import { solve } from "./pow-solve.js";

self.addEventListener("message", async (event) => {
  try {
    const solution = await solve(event.data, (tried, atMost) => {
      self.postMessage({ progress: atMost ? Math.min(tried / atMost, 0.99) : 0 });
    });
    self.postMessage({ solution });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
