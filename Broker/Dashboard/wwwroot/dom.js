// Small helpers for building the page. Everything a client sent (ids, topics, payloads, user names) reaches the page
// only as text (textContent) or as an attribute value set here; nothing is ever parsed as HTML.

/** Makes an element: el("li", { class: "x", text: "y", "aria-label": "z" }, child, ...). */
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }

    if (name === "text") {
      element.textContent = String(value);
    } else if (name === "class") {
      element.className = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }

  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }

  return element;
}

/** Replaces what an element holds. */
export function replaceChildren(element, children) {
  element.replaceChildren(...children);
}

/** 14:03:07 in the viewer's own time zone. */
export function clock(time) {
  return new Date(time).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "10 Dec, 14:03" in the viewer's own time zone, for times days away. */
export function dayAndTime(time) {
  return new Date(time).toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** "3 h 12 min", "4 min 10 s", "12 s". */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) {
    return `${days} d ${hours} h`;
  }

  if (hours > 0) {
    return `${hours} h ${minutes} min`;
  }

  return minutes > 0 ? `${minutes} min ${s % 60} s` : `${s} s`;
}

/** "812 bytes", "120.5 KB", "3.2 MB". */
export function bytes(count) {
  if (count < 1024) {
    return `${count} ${count === 1 ? "byte" : "bytes"}`;
  }

  return count < 1024 * 1024 ? `${(count / 1024).toFixed(1)} KB` : `${(count / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 client", "2 clients". */
export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** How a payload reads: its text, or a note for binary data. */
export function payloadText(payload) {
  if (payload.text === null || payload.text === undefined) {
    return `(${bytes(payload.bytes)} of binary data)`;
  }

  if (payload.bytes === 0) {
    return "(empty)";
  }

  return payload.cut ? `${payload.text}… (${bytes(payload.bytes)})` : payload.text;
}
