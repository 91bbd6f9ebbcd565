// The dashboard page: opens the feed and hands each kind of event to its view.

import { loadSession, post, problemText } from "./api.js";
import { renderBoards } from "./boards.js";
import { renderClients, renderTopics } from "./clients.js";
import { plural } from "./dom.js";
import { openFeed } from "./feed.js";
import { FlowView } from "./flow.js";
import { setUpPublishForm } from "./publish.js";
import { renderRetained } from "./retained.js";

const byId = (id) => document.getElementById(id);
const connectionText = {
  live: "Live",
  connecting: "Reconnecting…",
  down: "The broker cannot be reached; trying again…",
};

let broker = { maxPayloadBytes: 1048576 };
const flow = new FlowView(byId("flow-list"), byId("flow-empty"), byId("flow-paused"));

/** Publishes from a board's button (or the all-boards row), and says so on the button while it is on its way. */
async function send(topic, payload, button) {
  button.disabled = true;
  const answer = await post("/api/publish", { topic, payload, qualityOfService: 0, retain: false });
  button.disabled = false;
  if (!answer.ok) {
    showResult(byId("publish-result"), false, problemText(answer));
  }
}

async function clearRetained(topic, button) {
  if (button) {
    button.disabled = true;
  }

  const answer = await post("/api/retained/clear", { topic });
  showResult(byId("retained-result"), answer.ok, answer.ok ? (topic ? `Cleared ${topic}.` : "Cleared every retained message.") : problemText(answer));
}

function showResult(element, ok, text) {
  element.dataset.kind = ok ? "ok" : "bad";
  element.textContent = text;
}

function showConnection(state) {
  const line = byId("connection");
  line.dataset.state = state;
  line.textContent = connectionText[state];
}

function showBroker(info) {
  broker = info;
  flow.brokerIs(info.started);
  const address = byId("board-address");
  address.hidden = info.boardAddresses.length === 0;
  address.textContent = `A board on the same Wi-Fi connects to ${info.boardAddresses.join(" or ")}, port ${info.mqttPort}.`;
}

function knownTopics(view) {
  const topics = new Set(["led"]);
  for (const subscription of view.subscriptions) {
    if (!/[+#]/.test(subscription.topicFilter)) {
      topics.add(subscription.topicFilter);
    }
  }

  const options = [...topics].sort().map((topic) => {
    const option = document.createElement("option");
    option.value = topic;
    return option;
  });
  byId("known-topics").replaceChildren(...options);
}

async function start() {
  const session = await loadSession();
  if (session.userName) {
    byId("who").hidden = false;
    byId("user-name").textContent = `Logged in as ${session.userName}`;
  }

  byId("logout").addEventListener("click", async () => {
    await post("/api/logout", {});
    location.assign("/login");
  });
  for (const button of document.querySelectorAll(".all-boards button")) {
    button.addEventListener("click", () => send(button.dataset.topic, button.dataset.payload, button));
  }

  byId("flow-pause").addEventListener("click", (event) => {
    const paused = flow.togglePause();
    event.currentTarget.setAttribute("aria-pressed", String(paused));
  });
  byId("flow-clear").addEventListener("click", () => flow.clear());
  byId("retained-clear-all").addEventListener("click", () => {
    if (confirm("Clear every retained message? Boards report their state again when they reconnect.")) {
      clearRetained(null, null);
    }
  });
  setUpPublishForm(byId("publish-form"), () => broker);

  openFeed(
    {
      hello: (info) => {
        showBroker(info);

        // A new connection may be to a restarted broker, whose antiforgery token is new.
        loadSession().catch(() => {});
      },
      boards: (boards) => renderBoards(boards, byId("board-list"), byId("no-boards"), byId("board-count"), send),
      flow: (batch) => flow.add(batch),
      clients: (view) => {
        renderClients(view, byId("client-list"), byId("no-clients"), byId("client-count"));
        renderTopics(view, byId("topic-tree"), byId("no-topics"), byId("topic-count"));
        knownTopics(view);
      },
      retained: (view) => {
        renderRetained(view, byId("retained-list"), byId("no-retained"), clearRetained);
        byId("retained-clear-all").disabled = view.total === 0;
        byId("retained-title").textContent = view.total === 0 ? "Retained messages" : `Retained messages (${plural(view.total, "topic")})`;
      },
      heartbeat: () => {},
    },
    showConnection,
    () => loadSession().catch(() => {}));
}

start().catch((error) => showResult(byId("connection"), false, error.message));
