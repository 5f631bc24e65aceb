// A statement's results by role (live/voices.py): the server decides what is hidden, this only
// fills the table that the page's <template> already holds, with words from the page.

function slot(element, name) {
  return element.querySelector(`[data-slot="${name}"]`);
}

function format(text, values) {
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

export function fillSplit(container, split, strings) {
  if (!container || !split) return;
  for (const row of split.roles) {
    const line = container.querySelector(`tr[data-role="${row.role}"]`);
    if (!line) continue;
    const hidden = row.voters === null;
    slot(line, "few").hidden = !hidden;
    for (const name of ["voters", "agree", "disagree", "neutral"]) {
      const cell = slot(line, name);
      cell.hidden = hidden;
      if (hidden) cell.textContent = "";
      else cell.textContent = name === "voters" ? String(row.voters) : `${row[name]}%`;
    }
  }
  slot(container, "bridge-agree").hidden = split.bridge !== "agree";
  slot(container, "bridge-disagree").hidden = split.bridge !== "disagree";
  const gap = slot(container, "gap");
  gap.hidden = split.gap === null;
  if (split.gap !== null) {
    const points = Math.abs(split.gap);
    slot(gap, "gap-points").textContent = format(
      points === 1 ? strings.pointsOne : strings.pointsMany, { points },
    );
  }
  container.hidden = false;
}

// Role and verified badge beside a name: only what the server sends (null when not shown).
export function fillSpeaker(item, speaker, strings) {
  const role = slot(item, "role");
  const badge = slot(item, "badge");
  if (role) {
    role.hidden = !speaker.role;
    role.textContent = speaker.role ? strings[`role${speaker.role[0].toUpperCase()}${speaker.role.slice(1)}`] || "" : "";
  }
  if (badge) {
    badge.hidden = !speaker.badge;
    slot(badge, "badge-label").textContent = speaker.badge || "";
  }
}

// A statement that just opened has no votes yet: every role reads "too few votes".
export function resetSplit(container) {
  if (!container) return;
  for (const line of container.querySelectorAll("tr[data-role]")) {
    slot(line, "few").hidden = false;
    for (const name of ["voters", "agree", "disagree", "neutral"]) slot(line, name).hidden = true;
  }
  for (const name of ["bridge-agree", "bridge-disagree", "gap"]) slot(container, name).hidden = true;
}
