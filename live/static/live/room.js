// A live room: one websocket, reconnected automatically with exponential back-off. On every
// (re)connect the server sends `room.state`; a reconnecting client asks for what it missed
// by the last message id it saw. Who you are comes from your session cookie, never from here.
import { View } from "./render.js";

const root = document.querySelector("[data-live-room]");
if (root) start(root);

function start(root) {
  const view = new View(root);
  let socket = null;
  let lastId = null;
  let attempt = 0;
  let origin = null; // the form or button the last request came from, for its error
  let retry = null;

  function url() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const query = lastId ? `?last=${lastId}` : "";
    return `${scheme}//${window.location.host}/ws/live/${encodeURIComponent(root.dataset.slug)}/${query}`;
  }

  function connect() {
    retry = null;
    view.connection(attempt ? "reconnecting" : "connecting");
    socket = new WebSocket(url());
    socket.addEventListener("message", (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      const handler = handlers[event.type];
      if (handler) handler(event);
      view.moderatorEvent(event);
    });
    socket.addEventListener("close", () => {
      socket = null;
      // 1 s, 2 s, 4 s ... up to 30 s, with jitter so a restarted server is not stormed.
      const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt += 1;
      view.connection("reconnecting");
      retry = window.setTimeout(connect, delay);
    });
  }

  function send(message, from) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      // Not sent: say whether the page is still connecting or lost its connection.
      view.feedback(from, root.dataset.connection === "reconnecting"
        ? view.strings.reconnecting : view.strings.connecting);
      return false;
    }
    origin = from || null;
    socket.send(JSON.stringify(message));
    return true;
  }

  function seen(id) {
    if (lastId === null || id > lastId) lastId = id;
  }

  const handlers = {
    "room.state": (event) => {
      attempt = 0;
      view.state(event);
      for (const message of event.messages) seen(message.id);
      view.connection("connected");
      // Without a name the forms stay disabled; say why, unless the name form is right there.
      if (event.me.pid === null && event.room.status !== "closed" && !view.joinForm) {
        view.feedback(null, view.strings.needName);
      }
    },
    // Events may have been lost on the server's side (Redis restarted): reconnect now, with
    // ?last=, to get them. Closing from here sends nothing written meanwhile into the void.
    "room.resync": () => socket && socket.close(),
    "room.updated": (event) => view.roomUpdated(event.room),
    "room.presence": (event) => view.presence(event.count),
    "chat.message": (event) => {
      view.addMessage(event.message, true);
      seen(event.message.id);
    },
    "message.removed": (event) => view.removeMessage(event.id),
    "chat.held": () => view.feedback(view.el.chatForm, view.strings.held),
    "question.new": (event) => view.addQuestion(event.question),
    "question.received": (event) => view.feedback(
      view.el.questionForm, event.pending ? view.strings.questionPending : view.strings.questionOpen,
    ),
    "question.waiting": (event) => view.waiting(event.count),
    "question.votes": (event) => view.setVotes(event.votes),
    "question.upvoted": (event) => view.upvotedChanged(event.id, event.up),
    "question.answered": (event) => view.questionStatus(event.id, "answered"),
    "question.removed": (event) => view.questionStatus(event.id, "removed"),
    "statement.opened": (event) => view.newStatement(event.statement),
    "statement.tally": (event) => view.tally(event.id, event.counts, event.total),
    "statement.voted": (event) => {
      view.voted(event.id, event.choice);
      view.feedback(view.el.vote, view.strings.voted);
    },
    "statement.closed": (event) => view.closeStatement(event.statement),
    "statement.split": (event) => view.split(event.id, event.split),
    "participant.updated": (event) => view.speakerChanged(event),
    "me.muted": (event) => {
      view.me.muted = event.muted;
      view.enable();
      view.feedback(view.el.chatForm, event.muted ? view.strings.muted : view.strings.unmuted);
    },
    support: (event) => view.support(event),
    error: (event) => view.feedback(origin, event.message),
  };

  // What people do -------------------------------------------------------------------------

  function textForm(form, type) {
    if (!form) return;
    const field = form.querySelector("textarea");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = field.value.trim();
      if (!text) return;
      if (send({ type, text }, form)) {
        field.value = "";
        const note = form.querySelector("[data-live-feedback]");
        if (note && type === "chat.send") note.textContent = "";
      }
    });
    // Enter sends, Shift+Enter starts a new line (and never while an IME is composing).
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  textForm(view.el.chatForm, "chat.send");
  textForm(view.el.questionForm, "question.ask");
  textForm(root.querySelector("[data-live-statement-form]"), "statement.open");

  view.el.vote.addEventListener("click", (event) => {
    const button = event.target.closest("[data-vote]");
    const id = Number(view.el.statement.dataset.id);
    if (button && id) send({ type: "statement.vote", id, choice: button.dataset.vote }, view.el.vote);
  });

  root.querySelector("[data-live-support-close]").addEventListener("click", () => {
    view.el.support.hidden = true;
    view.el.chatForm.querySelector("textarea").focus();
  });

  // Buttons on items: the item's id, or its writer's participant id for muting.
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const item = button.closest("[data-id]");
    const id = item ? Number(item.dataset.id) : null;
    const pid = item ? Number(item.dataset.pid) : null;
    const from = button.closest("form, section, li");
    switch (button.dataset.action) {
      case "question.upvote":
        send({ type: "question.upvote", id, up: button.getAttribute("aria-pressed") !== "true" }, from);
        break;
      case "participant.mute":
        send({ type: "participant.mute", id: pid, muted: true }, from);
        break;
      case "participant.unmute":
        send({ type: "participant.mute", id, muted: false }, from);
        break;
      case "statement.close":
        send({ type: "statement.close", id: Number(view.el.statement.dataset.id) }, from);
        break;
      case "room.slow":
        send({ type: "room.slow", seconds: Number(view.el.slowSelect.value) }, from);
        break;
      case "room.close":
        // A room closes for everyone: ask first.
        if (window.confirm(view.strings.confirmClose)) send({ type: "room.close" }, from);
        break;
      case "room.open":
        send({ type: "room.open" }, from);
        break;
      case "message.remove":
      case "question.remove":
        // Why, from the moderation panel's choice: counted in the room's open totals.
        send({ type: button.dataset.action, id, reason: view.el.reason?.value || "other" }, from);
        break;
      default:
        send({ type: button.dataset.action, id }, from);
    }
  });

  // Back online, or back to the tab after the computer slept: try at once.
  window.addEventListener("online", () => {
    if (!socket && retry !== null) {
      window.clearTimeout(retry);
      attempt = 0;
      connect();
    }
  });

  connect();
}
