// The publish form: topic, payload, QoS 0/1 and retain. Input the broker would refuse is marked next to its field and
// nothing is sent; the broker checks the same rules again (Dashboard/Publishing/PublishCheck.cs) and its answer is
// shown the same way.

import { post, problemText } from "./api.js";
import { bytes, plural } from "./dom.js";

const encoder = new TextEncoder();

/** Wires up the form; limits() gives { maxPayloadBytes } as the broker last said. */
export function setUpPublishForm(form, limits) {
  const topic = form.elements.namedItem("topic");
  const payload = form.elements.namedItem("payload");
  const retain = form.elements.namedItem("retain");
  const result = form.querySelector("#publish-result");
  const fields = {
    topic: [topic, form.querySelector("#publish-topic-error")],
    payload: [payload, form.querySelector("#publish-payload-error")],
    qualityOfService: [null, form.querySelector("#publish-qos-error")],
  };

  const show = (problems) => {
    for (const [name, [input, message]] of Object.entries(fields)) {
      const problem = problems[name]?.[0];
      message.hidden = !problem;
      message.textContent = problem ?? "";
      input?.setAttribute("aria-invalid", problem ? "true" : "false");
    }
  };

  topic.addEventListener("input", () => show({}));
  payload.addEventListener("input", () => show({}));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const request = {
      topic: topic.value,
      payload: payload.value,
      qualityOfService: Number(form.elements.namedItem("qos").value),
      retain: retain.checked,
    };
    const problems = check(request, limits().maxPayloadBytes);
    show(problems);
    result.textContent = "";
    if (Object.keys(problems).length > 0) {
      (problems.topic ? topic : payload).focus();
      return;
    }

    const answer = await post("/api/publish", request);
    if (answer.ok) {
      result.dataset.kind = "ok";
      result.textContent = answer.body.recipients === 0
        ? `Published to ${request.topic}, but no client is subscribed to it.`
        : `Published to ${request.topic}: delivered to ${plural(answer.body.recipients, "client")}.`;
    } else {
      show(answer.body?.errors ?? {});
      result.dataset.kind = "bad";
      result.textContent = problemText(answer);
    }
  });
}

/** The same rules as the broker's, so most mistakes are shown before anything is sent. */
function check(request, maxPayloadBytes) {
  const problems = {};
  if (request.topic === "") {
    problems.topic = ["The topic is empty; a message needs a topic, such as led."];
  } else if (/[+#]/.test(request.topic)) {
    problems.topic = [`The topic '${request.topic}' contains a wildcard (+ or #); wildcards are only for subscribing.`];
  }

  const size = encoder.encode(request.payload).length;
  if (size > maxPayloadBytes) {
    problems.payload = [`The payload is ${bytes(size)}; the broker accepts at most ${bytes(maxPayloadBytes)} (Broker:MaxPayloadBytes).`];
  }

  return problems;
}
