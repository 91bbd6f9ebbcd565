// The message flow: each routed message drawn as publisher → topic → each recipient, newest first, so one message
// visibly becomes one delivery per subscriber. A message that reached nobody is marked, with the broker's near-miss
// hint. The broker sends at most a few messages a second and counts the rest; they show as "+N more".

import { clock, el, payloadText, plural } from "./dom.js";

const mostRows = 200;

/** The flow view over its list element, with pause and clear. */
export class FlowView {
  constructor(list, empty, pausedNote) {
    this.list = list;
    this.empty = empty;
    this.pausedNote = pausedNote;
    this.paused = false;
    this.waiting = [];
    this.started = null;
    this.lastNumber = 0;
  }

  /** A (re)connected feed: a different broker start begins the numbering again. */
  brokerIs(started) {
    if (this.started !== null && this.started !== started) {
      this.lastNumber = 0;
      this.show([{ divider: `Broker restarted at ${clock(started)}` }], false);
    }

    this.started = started;
  }

  /** Takes the items of one flow event; items already shown (a feed that reconnected) are skipped. */
  add(batch) {
    const items = batch.items.filter((item) => item.number > this.lastNumber);
    if (items.length === 0) {
      return;
    }

    this.lastNumber = items[items.length - 1].number;
    if (this.paused) {
      this.waiting.push(...items);
      this.pausedNote.textContent = `Paused: ${plural(this.countOf(this.waiting), "message")} waiting.`;
      return;
    }

    this.show(items, true);
  }

  /** Pauses or resumes drawing; what came meanwhile is drawn on resume (the oldest beyond the list's size as a count). */
  togglePause() {
    this.paused = !this.paused;
    this.pausedNote.hidden = !this.paused;
    if (this.paused) {
      this.pausedNote.textContent = "Paused: new messages wait here.";
    } else {
      const waiting = this.waiting;
      this.waiting = [];
      this.show(waiting, false);
    }

    return this.paused;
  }

  clear() {
    this.waiting = [];
    this.list.replaceChildren();
    this.empty.hidden = false;
  }

  countOf(items) {
    return items.reduce((sum, item) => sum + (item.message ? 1 : item.skipped), 0);
  }

  show(items, fresh) {
    if (items.length === 0) {
      return;
    }

    let rows = items.map((item) => row(item, fresh));
    if (rows.length > mostRows) {
      const dropped = this.countOf(items.slice(0, items.length - mostRows));
      rows = [skippedRow(dropped), ...rows.slice(rows.length - mostRows)];
    }

    this.list.prepend(...rows.reverse());
    while (this.list.childElementCount > mostRows) {
      this.list.lastElementChild.remove();
    }

    this.empty.hidden = this.list.childElementCount > 0;
  }
}

function row(item, fresh) {
  if (item.divider) {
    return el("li", { class: "divider", text: item.divider });
  }

  return item.message ? messageRow(item.message, fresh) : skippedRow(item.skipped);
}

function skippedRow(count) {
  return el("li", { class: "skipped", text: `+${count.toLocaleString()} more ${count === 1 ? "message" : "messages"} (too many to draw them all)` });
}

function messageRow(message, fresh) {
  const sender = message.sender ?? "the broker";
  const nobody = message.recipients.length === 0;
  const nobodyNode = message.retain
    ? el("span", { class: "node kept", text: "nobody yet: kept" })
    : el("span", { class: "node nobody", text: "✕ nobody" });
  const recipients = nobody
    ? [el("li", {}, el("span", { class: "dot", "aria-hidden": "true" }), nobodyNode)]
    : message.recipients.map((id) => el("li", {}, el("span", { class: "dot", "aria-hidden": "true" }), el("span", { class: "node client", text: id })));
  if (message.moreRecipients > 0) {
    recipients.push(el("li", { class: "more", text: `and ${plural(message.moreRecipients, "more client")}` }));
  }

  const deliveries = message.recipients.length + message.moreRecipients;
  const clearsRetained = message.retain && message.payload.bytes === 0;
  return el("li", { class: `message${fresh ? " fresh" : ""}${nobody ? " unrouted" : ""}` },
    el("time", { datetime: message.time, text: clock(message.time) }),
    el("span", { class: "visually-hidden", text: describe(message, sender, deliveries) }),
    el("div", { class: "route", "aria-hidden": "true" },
      el("span", { class: "node sender", text: sender }),
      wire(),
      el("span", { class: "node topic-node" },
        el("span", { class: "topic-name", text: message.topic }),
        el("span", { class: "payload", text: clearsRetained ? "(empty: clears the retained message)" : payloadText(message.payload) }),
        el("span", { class: "badges" },
          el("span", { class: "badge", text: `QoS ${message.qualityOfService}` }),
          message.retain ? el("span", { class: "badge retain", text: "retained" }) : null)),
      wire("onward"),
      el("ul", { class: "fanout" }, recipients),
      deliveries > 1 ? el("span", { class: "delivery-count", text: `×${deliveries}` }) : null),
    nobody ? hint(message) : null);
}

function wire(more = "") {
  return el("span", { class: `wire ${more}`.trim() }, el("span", { class: "dot" }));
}

function hint(message) {
  const nearMiss = message.nearMiss;
  if (message.retain && !nearMiss) {
    return el("p", { class: "hint kept" }, "Nobody is subscribed yet: the broker keeps it for clients that subscribe later.");
  }

  if (!nearMiss) {
    return el("p", { class: "hint plain" }, "No client is subscribed to ", el("code", { text: message.topic }), ".");
  }

  return el("p", { class: "hint" },
    "No client is subscribed to ", el("code", { text: message.topic }), ": did you mean ",
    el("code", { text: nearMiss.topicFilter }), ` (${plural(nearMiss.subscriberCount, "subscriber")})?`);
}

function describe(message, sender, deliveries) {
  const what = `${sender} published ${payloadText(message.payload)} to ${message.topic}`;
  if (deliveries === 0) {
    return message.retain ? `${what}; nobody is subscribed yet, and the broker keeps it for later subscribers.` : `${what}; it reached nobody.`;
  }

  const names = message.recipients.join(", ");
  return `${what}; delivered to ${plural(deliveries, "client")}: ${names}${message.moreRecipients > 0 ? " and more" : ""}.`;
}
