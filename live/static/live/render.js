// Drawing a live room: every item is cloned from a <template> on the page, so all words come
// translated from the server and nothing here builds HTML from strings. Text from people is
// only ever set with textContent.

import { fillSpeaker, fillSplit, resetSplit } from "./split.js";

const MAX_MESSAGES = 300;

function format(text, values) {
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

function slot(element, name) {
  return element.querySelector(`[data-slot="${name}"]`);
}

export class View {
  constructor(root) {
    this.root = root;
    this.strings = root.querySelector("[data-live-strings]").dataset;
    this.templates = {};
    for (const template of root.querySelectorAll("template[data-template]")) {
      this.templates[template.dataset.template] = template;
    }
    const find = (name) => root.querySelector(`[data-live-${name}]`);
    this.el = {
      status: find("status"), presence: find("presence"), slow: find("slow"),
      connection: find("connection"), announcer: find("announcer"), announce: find("announce"),
      messages: find("messages"), questions: find("questions"), waiting: find("waiting"),
      waitingText: find("waiting-text"), statement: find("statement-body"),
      noStatement: find("no-statement"), vote: find("vote"), closed: find("closed"),
      closedSection: find("closed-section"), chatForm: find("chat-form"),
      questionForm: find("question-form"), support: find("support"),
      moderation: find("moderation"), pending: find("pending"), held: find("held"),
      drafts: find("drafts"), muted: find("muted"), slowSelect: find("slow-select"),
      split: find("split"), reason: find("reason"),
    };
    this.joinForm = root.querySelector(".live-join form");
    this.messages = new Map();
    this.questions = new Map();
    this.upvoted = new Set();
    this.me = { pid: null, moderator: false, muted: false };
    this.room = { status: root.dataset.status, slow: 0 };
    this.time = new Intl.DateTimeFormat(document.documentElement.lang || "nl", {
      hour: "2-digit", minute: "2-digit",
    });
    for (const element of root.querySelectorAll("[data-js-only]")) element.hidden = false;
  }

  clone(name) {
    return this.templates[name].content.firstElementChild.cloneNode(true);
  }

  // The whole room, on connect and on reconnect ------------------------------------------

  state(state) {
    this.me = state.me;
    this.root.toggleAttribute("data-moderating", state.me.moderator);
    if (this.el.moderation) this.el.moderation.hidden = !state.me.moderator;
    this.roomUpdated(state.room);
    this.presence(state.presence);
    if (state.replace) {
      this.messages.clear();
      this.el.messages.replaceChildren();
    }
    for (const message of state.messages) this.addMessage(message, false);
    for (const id of state.removed) this.removeMessage(id);
    this.emptyNote(this.el.messages, this.messages.size, "noMessages");
    this.questions = new Map(state.questions.map((q) => [q.id, q]));
    this.upvoted = new Set(state.upvoted);
    this.drawQuestions();
    this.waiting(state.waiting);
    if (state.statement) this.openStatement(state.statement, state.vote);
    else this.noStatement();
    this.el.closed.replaceChildren();
    for (const statement of state.closed) this.addClosed(statement, false);
    if (state.moderation) this.moderation(state.moderation);
    if (state.moderation?.split && state.statement) this.split(state.statement.id, state.moderation.split);
    this.enable();
  }

  roomUpdated(room) {
    this.room = room;
    this.root.dataset.status = room.status;
    this.el.status.textContent = this.strings[`status${room.status[0].toUpperCase()}${room.status.slice(1)}`];
    this.el.status.className = `live-status live-status--${room.status}`;
    this.el.slow.hidden = !room.slow;
    if (this.el.slowSelect) this.el.slowSelect.value = String(room.slow);
    const open = this.root.querySelector("[data-action='room.open']");
    const close = this.root.querySelector("[data-action='room.close']");
    if (open) open.hidden = room.status === "open";
    if (close) close.hidden = room.status === "closed";
    this.enable();
  }

  enable() {
    const canWrite = this.room.status === "open" && this.me.pid !== null && !this.me.muted;
    const canVote = this.room.status === "open" && this.me.pid !== null;
    for (const form of [this.el.chatForm, this.el.questionForm]) {
      for (const control of form.querySelectorAll("textarea, button")) control.disabled = !canWrite;
    }
    for (const button of this.el.vote.querySelectorAll("button")) button.disabled = !canVote;
    for (const button of this.root.querySelectorAll("[data-action='question.upvote']")) {
      button.disabled = !canVote;
    }
  }

  presence(count) {
    this.el.presence.textContent = String(count);
  }

  connection(state) {
    // Also on the room itself, for styles and for tests that must wait for the socket.
    this.root.dataset.connection = state;
    this.el.connection.textContent = state === "connected" ? "" : this.strings[state] || "";
  }

  announce(text) {
    if (this.el.announce && !this.el.announce.checked) return;
    this.el.announcer.textContent = text;
  }

  emptyNote(list, count, key) {
    const note = list.querySelector("[data-live-empty]");
    if (count && note) note.remove();
    if (!count && !note) {
      const item = document.createElement("li");
      item.className = "live-empty";
      item.dataset.liveEmpty = "";
      item.textContent = this.strings[key];
      list.append(item);
    }
  }

  // Chat -----------------------------------------------------------------------------------

  messageItem(message) {
    const item = this.clone("message");
    item.dataset.id = message.id;
    item.dataset.pid = message.pid;
    item.classList.toggle("live-message--moderator", message.mod);
    slot(item, "author").textContent = message.author;
    slot(item, "moderator").hidden = !message.mod;
    fillSpeaker(item, message, this.strings);
    const time = slot(item, "time");
    time.dateTime = message.at;
    time.textContent = this.time.format(new Date(message.at));
    slot(item, "text").textContent = message.text;
    slot(item, "report").href = this.strings.reportUrl.replace("000", String(message.id));
    return item;
  }

  addMessage(message, announce) {
    if (this.messages.has(message.id)) return;
    const list = this.el.messages;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const item = this.messageItem(message);
    const approve = item.querySelector("[data-action='message.approve']");
    if (approve) approve.hidden = true;
    this.messages.set(message.id, item);
    this.emptyNote(list, 1);
    // Usually the newest; a message a moderator restored goes back in its place.
    const later = [...this.messages.keys()].some((id) => id > message.id)
      ? [...list.children].find((child) => Number(child.dataset.id) > message.id)
      : null;
    list.insertBefore(item, later || null);
    while (this.messages.size > MAX_MESSAGES) {
      const [oldest, element] = this.messages.entries().next().value;
      element.remove();
      this.messages.delete(oldest);
    }
    if (atBottom) list.scrollTop = list.scrollHeight;
    if (announce && message.pid !== this.me.pid) {
      this.announce(format(this.strings.newMessage, message));
    }
  }

  removeMessage(id) {
    const item = this.messages.get(id);
    if (item) item.remove();
    this.messages.delete(id);
    this.el.held?.querySelector(`[data-id="${id}"]`)?.remove();
  }

  markWatched(id) {
    const item = this.messages.get(id) || this.el.held?.querySelector(`[data-id="${id}"]`);
    const badge = item && slot(item, "watched");
    if (badge) badge.hidden = false;
  }

  // Questions ------------------------------------------------------------------------------

  questionItem(question) {
    const item = this.clone("question");
    item.dataset.id = question.id;
    item.dataset.pid = question.pid;
    slot(item, "text").textContent = question.text;
    slot(item, "author").textContent = question.author;
    fillSpeaker(item, question, this.strings);
    slot(item, "votes").textContent = String(question.votes);
    const answered = question.status === "answered";
    item.classList.toggle("live-question--answered", answered);
    slot(item, "answered").hidden = !answered;
    const upvote = item.querySelector("[data-action='question.upvote']");
    const mine = this.upvoted.has(question.id);
    upvote.setAttribute("aria-pressed", String(mine));
    slot(item, "upvote-label").textContent = mine ? this.strings.upvoted : this.strings.upvote;
    // Nobody up-votes their own question (the server refuses it too).
    upvote.hidden = question.status !== "open" || question.pid === this.me.pid;
    upvote.disabled = !(this.room.status === "open" && this.me.pid !== null);
    item.querySelector("[data-action='question.approve']")?.toggleAttribute("hidden", true);
    item.querySelector("[data-action='question.answered']")?.toggleAttribute("hidden", answered);
    return item;
  }

  drawQuestions() {
    const ordered = [...this.questions.values()].sort(
      (a, b) => (a.status === "answered") - (b.status === "answered") || b.votes - a.votes || a.id - b.id,
    );
    const focused = document.activeElement?.closest?.(".live-question")?.dataset.id;
    this.el.questions.replaceChildren(...ordered.map((q) => this.questionItem(q)));
    this.emptyNote(this.el.questions, ordered.length, "noQuestions");
    if (focused) {
      this.el.questions.querySelector(`[data-id="${focused}"] button`)?.focus();
    }
  }

  addQuestion(question) {
    this.questions.set(question.id, question);
    this.drawQuestions();
    this.announce(format(this.strings.newQuestion, question));
  }

  setVotes(votes) {
    for (const [id, count] of votes) {
      const question = this.questions.get(id);
      if (question) question.votes = count;
    }
    this.drawQuestions();
  }

  questionStatus(id, status) {
    const question = this.questions.get(id);
    if (!question) return;
    if (status === "removed") this.questions.delete(id);
    else question.status = status;
    this.drawQuestions();
  }

  upvotedChanged(id, up) {
    if (up) this.upvoted.add(id);
    else this.upvoted.delete(id);
    this.drawQuestions();
  }

  waiting(count) {
    this.el.waiting.textContent = String(count);
    this.el.waitingText.hidden = !count;
  }

  // Statements -----------------------------------------------------------------------------

  fillResults(container, counts, total) {
    for (const row of container.querySelectorAll("[data-choice]")) {
      const count = counts[row.dataset.choice] || 0;
      const meter = slot(row, "meter");
      meter.max = Math.max(total, 1);
      meter.value = count;
      const percent = total ? Math.round((100 * count) / total) : 0;
      const words = format(count === 1 ? this.strings.votesOne : this.strings.votesMany, { count });
      slot(row, "number").textContent = `${words} (${percent}%)`;
    }
  }

  openStatement(statement, myVote) {
    const body = this.el.statement;
    body.dataset.id = statement.id;
    slot(body, "text").textContent = statement.text;
    body.hidden = false;
    this.el.noStatement.hidden = true;
    this.fillResults(body, statement.counts, statement.total);
    this.voted(statement.id, myVote);
  }

  newStatement(statement) {
    this.openStatement(statement, null);
    if (this.el.split) resetSplit(slot(this.el.split, "split"));
    this.announce(format(this.strings.newStatement, statement));
  }

  tally(id, counts, total) {
    if (this.el.statement.dataset.id === String(id)) this.fillResults(this.el.statement, counts, total);
  }

  voted(id, choice) {
    if (this.el.statement.dataset.id !== String(id)) return;
    for (const button of this.el.vote.querySelectorAll("[data-vote]")) {
      button.setAttribute("aria-pressed", String(button.dataset.vote === choice));
    }
  }

  // Moderators only: the open statement's votes by role, as they come in.
  split(id, split) {
    if (this.el.split && this.el.statement.dataset.id === String(id)) {
      fillSplit(slot(this.el.split, "split"), split, this.strings);
    }
  }

  // Someone chose to show or hide their role, or was verified: redraw their label.
  speakerChanged(event) {
    for (const question of this.questions.values()) {
      if (question.pid === event.pid) Object.assign(question, { role: event.role, badge: event.badge });
    }
    for (const item of this.root.querySelectorAll(`.live-message[data-pid="${event.pid}"], .live-question[data-pid="${event.pid}"]`)) {
      fillSpeaker(item, event, this.strings);
    }
  }

  noStatement() {
    this.el.statement.hidden = true;
    this.el.statement.dataset.id = "";
    this.el.noStatement.hidden = false;
  }

  closeStatement(statement) {
    if (this.el.statement.dataset.id === String(statement.id)) {
      this.noStatement();
      this.announce(this.strings.statementClosed);
    }
    this.addClosed(statement, true);
  }

  addClosed(statement, first) {
    const item = this.clone("closed-statement");
    item.dataset.id = statement.id;
    slot(item, "text").textContent = statement.text;
    this.fillResults(item, statement.counts, statement.total);
    fillSplit(slot(item, "split"), statement.split, this.strings);
    if (first) this.el.closed.prepend(item);
    else this.el.closed.append(item);
    this.el.closedSection.hidden = false;
  }

  // Moderators -----------------------------------------------------------------------------

  moderation(state) {
    if (!this.el.moderation) return;
    this.el.pending.replaceChildren(...state.pending.map((q) => this.pendingItem(q)));
    this.el.held.replaceChildren(...state.held.map((m) => this.heldItem(m)));
    this.el.drafts.replaceChildren(...state.drafts.map((s) => this.simpleItem("draft", s.id, s.text)));
    this.el.muted.replaceChildren(...state.muted.map((p) => this.simpleItem("muted", p.pid, p.name)));
  }

  pendingItem(question) {
    const item = this.questionItem(question);
    item.querySelector("[data-action='question.upvote']").hidden = true;
    item.querySelector("[data-action='question.approve']").hidden = false;
    item.querySelector("[data-action='question.answered']").hidden = true;
    return item;
  }

  heldItem(message) {
    const item = this.messageItem(message);
    item.querySelector("[data-action='message.approve']").hidden = false;
    slot(item, "report").hidden = true;
    return item;
  }

  simpleItem(template, id, text) {
    const item = this.clone(template);
    item.dataset.id = id;
    slot(item, template === "muted" ? "name" : "text").textContent = text;
    return item;
  }

  moderatorEvent(event) {
    if (!this.el.moderation) return;
    const { pending, held, muted, drafts } = this.el;
    const byId = (list, id) => list.querySelector(`[data-id="${id}"]`);
    switch (event.type) {
      case "question.pending": pending.append(this.pendingItem(event.question)); break;
      case "question.approved": case "question.removed": byId(pending, event.id)?.remove(); break;
      case "message.held": held.append(this.heldItem(event.message)); break;
      case "message.released": byId(held, event.id)?.remove(); break;
      case "message.watched": this.markWatched(event.id); break;
      case "statement.opened": byId(drafts, event.statement.id)?.remove(); break;
      case "participant.muted":
        byId(muted, event.pid)?.remove();
        if (event.muted) muted.append(this.simpleItem("muted", event.pid, event.name));
        break;
      default: break;
    }
  }

  // Private notices ------------------------------------------------------------------------

  support(event) {
    const box = this.el.support;
    slot(box, "message").textContent = event.message;
    for (const name of ["emergency_phone", "veilig_thuis_phone", "code_word"]) {
      const element = slot(box, name);
      if (!element || !event.help[name]) continue;
      element.textContent = event.help[name];
      if (element.tagName === "A") element.href = `tel:${event.help[name].replace(/[^\d+]/g, "")}`;
    }
    box.hidden = false;
    box.focus();
  }

  feedback(form, text) {
    let note = form ? form.querySelector("[data-live-feedback]") : null;
    if (form && !note) {
      note = document.createElement("p");
      note.className = "live-hint";
      note.dataset.liveFeedback = "";
      note.setAttribute("role", "status");
      form.append(note);
    }
    if (note) note.textContent = text;
    else this.el.connection.textContent = text;
  }
}
