// Quick exit: replace this page and its history entry with a neutral site.
// Works from the visible button and from the Escape key; without JavaScript the
// button is still a plain link.
const button = document.querySelector("[data-quick-exit]");

function leave(event) {
  if (event) event.preventDefault();
  const target = button.href;
  // Hide at once: the page must not stay visible while the neutral site loads.
  document.documentElement.classList.add("is-leaving");
  document.title = "";
  window.location.replace(target);
}

if (button) {
  button.addEventListener("click", leave);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.isComposing) leave(event);
  });
}
