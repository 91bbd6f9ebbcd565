// The clients table and the topic tree of their subscriptions.

import { clock, dayAndTime, el, plural } from "./dom.js";

/**
 * Fills the clients table: id, address, protocol, connected since, keep-alive, will and subscriptions; then the clients
 * that are away while the broker keeps their sessions (their subscriptions stay, and messages for them queue).
 */
export function renderClients(view, body, empty, count) {
  const offline = view.offline ?? [];
  empty.hidden = view.clients.length + offline.length > 0;
  const away = offline.length === 0 ? "" : `, ${offline.length} away (session kept)`;
  count.textContent = view.total + offline.length === 0 ? "" : `${plural(view.total, "client")} connected${away}`;
  const byClient = new Map();
  for (const subscription of view.subscriptions) {
    const filters = byClient.get(subscription.clientId) ?? [];
    filters.push(subscription);
    byClient.set(subscription.clientId, filters);
  }

  const rows = view.clients.map((client) => el("tr", {},
    cell("Client id", client.id, "id"),
    cell("Address", client.address),
    cell("Protocol", client.protocol),
    cell("Connected", `since ${clock(client.connectedAt)}`),
    cell("Keep-alive", keepAlive(client.keepAliveSeconds)),
    cell("Last will", client.willTopic ?? (client.keepAliveSeconds === undefined ? "unknown" : "none")),
    el("td", { "data-label": "Subscriptions" },
      el("span", { class: "chips" }, (byClient.get(client.id) ?? []).map((s) => el("span", { class: "chip", text: s.topicFilter, title: `QoS ${s.qualityOfService}` }))))));
  if (view.total > view.clients.length) {
    rows.push(el("tr", {}, el("td", { colspan: 7, text: `and ${plural(view.total - view.clients.length, "more client")}` })));
  }

  for (const session of offline) {
    const kept = session.expiresAt ? `kept until ${dayAndTime(session.expiresAt)}` : "kept";
    rows.push(el("tr", { class: "away" },
      cell("Client id", session.id, "id"),
      cell("Address", "away"),
      cell("Protocol", ""),
      cell("Connected", `offline since ${clock(session.offlineSince)}; session ${kept}, ${plural(session.queuedMessages, "message")} queued`),
      cell("Keep-alive", ""),
      cell("Last will", ""),
      el("td", { "data-label": "Subscriptions" },
        el("span", { class: "chips" }, (byClient.get(session.id) ?? []).map((s) => el("span", { class: "chip", text: s.topicFilter, title: `QoS ${s.qualityOfService}` }))))));
  }

  body.replaceChildren(...rows);
}

function cell(label, text, className) {
  return el("td", { "data-label": label, class: className, text });
}

function keepAlive(seconds) {
  if (seconds === undefined || seconds === null) {
    return "unknown";
  }

  return seconds === 0 ? "none" : `${seconds} s`;
}

/** Builds the tree of subscribed filters, level by level, with the clients subscribed at each. */
export function renderTopics(view, tree, empty, count) {
  empty.hidden = view.subscriptions.length > 0;
  const root = new Map();
  for (const subscription of view.subscriptions) {
    let level = { children: root };
    for (const name of subscription.topicFilter.split("/")) {
      if (!level.children.has(name)) {
        level.children.set(name, { children: new Map(), clients: new Set() });
      }

      level = level.children.get(name);
    }

    level.clients.add(subscription.clientId);
  }

  const filters = new Set(view.subscriptions.map((s) => s.topicFilter));
  count.textContent = filters.size === 0 ? "" : plural(filters.size, "topic filter");
  tree.replaceChildren(...branch(root));
}

function branch(levels) {
  return [...levels.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, level]) => {
      const clients = [...level.clients];
      return el("li", {},
        el("div", { class: "level" },
          el("span", { class: "name", dataset: { wildcard: String(name === "+" || name === "#") }, text: name === "" ? "(empty level)" : name }),
          clients.length > 0 ? el("span", { class: "subscribers", text: plural(clients.length, "subscriber") }) : null,
          clients.length > 0 ? el("span", { class: "subscriber-names", text: clients.join(", ") }) : null),
        level.children.size > 0 ? el("ul", {}, branch(level.children)) : null);
    });
}
