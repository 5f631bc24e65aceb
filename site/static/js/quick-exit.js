// Quick exit: replace this page and its history entry with a neutral site.
//
// Three ways out, all ending in the same `leave()`:
// - the visible button (without JavaScript it is still a plain link);
// - Shift pressed three times within five seconds, GOV.UK's researched pattern: Shift types
//   nothing, so it also works while someone is writing, and screen readers do not use it;
// - Escape, except while typing in a text field: there Escape is a common "undo/cancel" key
//   and one slip would throw away a story someone spent an hour on. The page says so next to
//   every long text field. See README, "Quick exit".
const button = document.querySelector("[data-quick-exit]");
const status = document.querySelector("[data-quick-exit-status]");
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

function leave(event) {
  if (event) event.preventDefault();
  const target = button.href;
  // Hide at once: the page must not stay visible while the neutral site loads.
  document.documentElement.classList.add("is-leaving");
  document.title = "";
  window.location.replace(target);
}

function isTextField(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === "TEXTAREA") return true;
  if (element.tagName !== "INPUT") return false;
  const nonText = ["button", "checkbox", "radio", "submit", "reset", "image", "file", "range", "color"];
  return !nonText.includes((element.type || "text").toLowerCase());
}

let shiftCount = 0;
let shiftTimer = null;
let lastKeyHadShift = false;

function announce(text) {
  if (status) status.textContent = text;
}

function resetShift() {
  shiftCount = 0;
  clearTimeout(shiftTimer);
  shiftTimer = null;
  announce("");
}

function onKeyUp(event) {
  // Only a Shift on its own counts: typing capitals (Shift held with a letter) does not.
  if (event.key === "Shift" && !lastKeyHadShift) {
    shiftCount += 1;
    clearTimeout(shiftTimer);
    if (shiftCount >= SHIFT_PRESSES) {
      resetShift();
      leave(event);
      return;
    }
    announce(button.dataset[SHIFT_PRESSES - shiftCount === 1 ? "shiftOne" : "shiftTwo"] || "");
    shiftTimer = setTimeout(resetShift, SHIFT_WINDOW_MS);
  } else if (shiftTimer !== null) {
    resetShift();
  }
  lastKeyHadShift = event.shiftKey;
}

if (button) {
  button.addEventListener("click", leave);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.isComposing || event.defaultPrevented) return;
    if (isTextField(event.target)) return;
    leave(event);
  });
  document.addEventListener("keyup", onKeyUp);
}
