// The login page: posts the user name and password, then opens the dashboard.

import { loadSession, post, problemText } from "./api.js";

const form = document.getElementById("login-form");
const error = document.getElementById("login-error");

const session = await loadSession();
if (!session.loginRequired || session.userName) {
  location.assign("/");
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.hidden = true;
  const button = form.querySelector("button");
  button.disabled = true;
  const answer = await post("/api/login", {
    userName: form.elements.namedItem("userName").value,
    password: form.elements.namedItem("password").value,
  });
  button.disabled = false;
  if (answer.ok) {
    location.assign("/");
    return;
  }

  error.textContent = problemText(answer);
  error.hidden = false;
  form.elements.namedItem("password").select();
});
