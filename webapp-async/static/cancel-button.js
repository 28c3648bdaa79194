// GizmosCancelBtnAsync.aspx: start a slow load, and cancel it.
// Cancel aborts the fetch, which closes the connection; the server notices the
// hang-up and cancels its own call to the Web API.
"use strict";
(function () {
  const form = document.getElementById("slow-load");
  const start = document.getElementById("start");
  const cancel = document.getElementById("cancel");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  let controller = null;
  let startedAt = 0;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    controller = new AbortController();
    startedAt = performance.now();
    start.disabled = true;
    cancel.disabled = false;
    result.replaceChildren();
    status.textContent = "Loading… press Cancel to abandon the request.";
    const url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
    try {
      const response = await fetch(url, { signal: controller.signal, cache: "no-store" });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const table = page.querySelector("#result table, div.error");
      if (table) result.replaceChildren(document.importNode(table, true));
      status.textContent = `Loaded in ${Math.round(performance.now() - startedAt)} ms (HTTP ${response.status}).`;
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "The load failed: " + error.message;
    } finally {
      start.disabled = false;
      cancel.disabled = true;
    }
  });

  cancel.addEventListener("click", async () => {
    if (!controller) return;
    controller.abort();
    const after = Math.round(performance.now() - startedAt);
    status.textContent = `Cancelled after ${after} ms. The server saw the connection close and cancelled its call to the Web API.`;
    status.dataset.cancelled = "true";
  });
})();
