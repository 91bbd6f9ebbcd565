// Talking to the broker: the session (login state and the antiforgery token) and the POST requests.

let token = "";

/** Asks who is logged in and takes a fresh antiforgery token; goes to the login page when one is needed. */
export async function loadSession() {
  const response = await fetch("/api/session", { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`The broker answered ${response.status}.`);
  }

  const session = await response.json();
  token = session.antiforgeryToken;
  if (session.loginRequired && !session.userName && location.pathname !== "/login") {
    location.assign("/login");
  }

  return session;
}

/**
 * Posts JSON with the antiforgery token. Returns { ok, status, body }; a 401 (logged out, or the broker restarted and
 * forgot the login) goes to the login page.
 */
export async function post(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, body: { title: "The broker cannot be reached (is it running?)." } };
  }

  if (response.status === 401 && path !== "/api/login") {
    location.assign("/login");
  }

  let answer = null;
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    answer = await response.json();
  }

  return { ok: response.ok, status: response.status, body: answer };
}

/** The first line of what went wrong, for a status line. */
export function problemText(result) {
  if (result.body?.errors) {
    return Object.values(result.body.errors).flat()[0];
  }

  if (result.body?.title) {
    return result.body.title;
  }

  if (result.status === 429) {
    return "Too many tries: wait a minute.";
  }

  return `The broker answered ${result.status}.`;
}
