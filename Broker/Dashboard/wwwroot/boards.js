// Board cards: one per board seen on esp32/<id>/status, with a drawn LED that follows esp32/<id>/led/state and the
// buttons that publish commands to esp32/<id>/led.

import { bytes, clock, duration, el, plural } from "./dom.js";

/** The commands a board understands (Esp32Client/Core/Commands/CommandWords.cs), as its buttons send them. */
export const commands = [
  { payload: "on", label: "On", verb: "Turn on" },
  { payload: "off", label: "Off", verb: "Turn off" },
  { payload: "toggle", label: "Toggle", verb: "Toggle" },
  { payload: "blink", label: "Blink", verb: "Blink" },
];

const ledWords = new Set(["on", "off", "blinking"]);

/** The topic a board takes its own commands on. */
export function commandTopic(boardId) {
  return `esp32/${boardId}/led`;
}

/** Draws the boards into list; send(topic, payload) publishes a command. */
export function renderBoards(boards, list, empty, count, send) {
  empty.hidden = boards.length > 0;
  const online = boards.filter((board) => board.online).length;
  count.textContent = boards.length === 0 ? "" : `${online} of ${plural(boards.length, "board")} online`;
  list.replaceChildren(...boards.map((board) => card(board, send)));
}

function card(board, send) {
  const led = ledWords.has(board.led) ? board.led : "unknown";
  const ledText = led === "unknown" ? (board.led ? `reported "${board.led}"` : "not reported yet") : board.led;
  const topic = commandTopic(board.id);
  return el("article", { class: "board", dataset: { online: String(board.online), board: board.id }, "aria-label": `Board ${board.id}` },
    el("div", { class: "board-head" },
      el("span", { class: "led", role: "img", dataset: { led }, "aria-label": `LED ${ledText}` }),
      el("h3", { text: board.id }),
      el("span", { class: "status", dataset: { online: String(board.online) }, text: board.online ? "online" : board.status })),
    el("div", { class: "buttons", role: "group", "aria-label": `LED of ${board.id}` },
      commands.map((command) => {
        const button = el("button", { type: "button", text: command.label, "aria-label": `${command.verb} the LED of ${board.id}` });
        button.addEventListener("click", () => send(topic, command.payload, button));
        return button;
      })),
    facts(board),
    board.lastError ? el("p", { class: "board-error", text: `Last error (${clock(board.lastErrorAt)}): ${board.lastError}` }) : null,
    el("p", { class: "board-topic" }, "Buttons publish to ", el("code", { text: topic })));
}

function facts(board) {
  const rows = [];
  const telemetry = board.telemetry;
  if (telemetry) {
    if (telemetry.uptime_s !== null && telemetry.uptime_s !== undefined) {
      rows.push(["Uptime", duration(telemetry.uptime_s)]);
    }

    if (telemetry.free_heap_bytes !== null && telemetry.free_heap_bytes !== undefined) {
      rows.push(["Free memory", bytes(telemetry.free_heap_bytes)]);
    }

    // The device contract sends 0 for "not known" (nanoFramework reads the signal only from a scan); a real one is negative.
    if (typeof telemetry.wifi_rssi_dbm === "number" && telemetry.wifi_rssi_dbm !== 0) {
      rows.push(["Wi-Fi signal", `${telemetry.wifi_rssi_dbm} dBm`]);
    }

    if (telemetry.ip) {
      rows.push(["IP address", telemetry.ip]);
    }

    if (telemetry.firmware) {
      rows.push(["Firmware", telemetry.firmware]);
    }

    rows.push(["Reported", clock(board.telemetryAt)]);
  } else if (board.telemetryUnreadable) {
    rows.push(["Telemetry", `unreadable: ${board.telemetryUnreadable}`]);
  } else {
    rows.push(["Telemetry", "none yet (a board reports once a minute)"]);
  }

  return el("dl", { class: "facts" }, rows.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
}
