// The retained messages, each with a button that clears it.

import { el, payloadText } from "./dom.js";

/** Fills the retained table; clear(topic, button) clears one message. */
export function renderRetained(view, body, empty, clear) {
  empty.hidden = view.messages.length > 0;
  const rows = view.messages.map((message) => {
    const button = el("button", { type: "button", class: "quiet danger", text: "Clear", "aria-label": `Clear the retained message of ${message.topic}` });
    button.addEventListener("click", () => clear(message.topic, button));
    return el("tr", {},
      el("td", { "data-label": "Topic", class: "id", text: message.topic }),
      el("td", { "data-label": "Payload", class: "payload-cell" }, el("span", { class: "clamp", text: payloadText(message.payload) })),
      el("td", { "data-label": "QoS", text: String(message.qualityOfService) }),
      el("td", { class: "action" }, button));
  });
  if (view.total > view.messages.length) {
    rows.push(el("tr", {}, el("td", { colspan: 4, text: `and ${view.total - view.messages.length} more` })));
  }

  body.replaceChildren(...rows);
}
