// The live feed: one EventSource per page. The broker pushes the state first, then what changes; the page never polls.
// EventSource reconnects by itself after a dropped connection; a feed that the broker refused (401 after a restart that
// forgot the login) or that fell silent is opened again here.

const silenceLimitMs = 40000;
const retryDelayMs = 2000;

/**
 * Opens the feed and calls handlers[eventName](data) for each event; onState("live" | "connecting" | "down") tells
 * the page how the connection is. onRefused is called when the broker answers with an error instead of the feed.
 */
export function openFeed(handlers, onState, onRefused) {
  let source = null;
  let watchdog = 0;
  let retry = 0;

  const restartWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => reopen("down"), silenceLimitMs);
  };

  const reopen = (state) => {
    source?.close();
    onState(state);
    clearTimeout(retry);
    retry = setTimeout(open, retryDelayMs);
  };

  const open = () => {
    source = new EventSource("/api/feed");
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        restartWatchdog();
        handler(JSON.parse(event.data));
      });
    }

    source.addEventListener("open", () => {
      onState("live");
      restartWatchdog();
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused rather than dropped: EventSource gives up on an error status, so ask why and try again.
        onRefused();
        reopen("down");
      } else {
        onState("connecting");
      }
    });
  };

  open();
}
