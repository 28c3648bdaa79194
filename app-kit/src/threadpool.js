// The live view of the request pool: numbers and a 60-second chart from the
// server's Server-Sent Events, and the burst buttons. No inline script or
// style, so the pages' Content-Security-Policy holds.
"use strict";
(function () {
  const root = document.getElementById("live-pool");
  if (!root) return;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 600, HEIGHT = 200, SECONDS = 60;
  const chart = document.getElementById("pool-chart");
  const status = document.getElementById("burst-status");
  const history = []; // {t, threads, busy, queued}
  let last = null;

  const set = (id, text) => { const el = document.getElementById(id); if (el) el.textContent = text; };

  function line(points, cls, max, now) {
    const path = document.createElementNS(SVG, "polyline");
    path.setAttribute("class", cls);
    path.setAttribute("fill", "none");
    path.setAttribute("points", points.map(p =>
      ((1 - (now - p.t) / (SECONDS * 1000)) * WIDTH).toFixed(1) + "," +
      (HEIGHT - (p.v / max) * (HEIGHT - 10)).toFixed(1)).join(" "));
    return path;
  }

  function draw(now) {
    while (chart.firstChild) chart.removeChild(chart.firstChild);
    const max = Math.max(4, ...history.map(h => Math.max(h.threads, h.queued)));
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", "4"); label.setAttribute("y", "12");
    label.textContent = "max " + max;
    chart.appendChild(label);
    for (const [key, cls] of [["threads", "threads"], ["busy", "busy"], ["queued", "queue"]]) {
      chart.appendChild(line(history.map(h => ({ t: h.t, v: h[key] })), cls, max, now));
    }
  }

  const events = new EventSource(root.dataset.events);
  events.onmessage = (message) => {
    const tick = JSON.parse(message.data);
    const pool = tick.pool, now = Date.now();
    set("threads", pool.threads + " (min " + pool.min_threads + ", max " + pool.max_threads + ")");
    set("busy-idle", pool.busy + " / " + tick.idle);
    set("queued", pool.queued + " (of " + pool.queue_length + ")");
    set("continuations", pool.continuations_queued);
    set("injected", pool.injected);
    set("retired", pool.retired);
    set("rejected", pool.rejected);
    set("sync-in-flight", tick.sync_in_flight);
    set("async-in-flight", tick.async_in_flight);
    if (last) {
      const rate = (tick.completed - last.completed) / ((now - last.t) / 1000);
      set("rate", rate.toFixed(0));
    }
    last = { t: now, completed: tick.completed };
    history.push({ t: now, threads: pool.threads, busy: pool.busy, queued: pool.queued });
    while (history.length && now - history[0].t > SECONDS * 1000) history.shift();
    draw(now);
    const b = tick.burst;
    if (b.sent > 0) {
      status.textContent = (b.running ? "Burst running: " : "Last burst: ") + b.sent + " sent, " +
        b.ok + " answered 200, " + b.too_busy + " refused with 503, " + b.other + " other.";
    }
  };

  document.getElementById("burst-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = new URLSearchParams({
      kind: event.submitter ? event.submitter.value : "sync",
      count: document.getElementById("burst-count").value,
      fault: document.getElementById("burst-fault").value,
    });
    const response = await fetch("/threadpool/burst", { method: "POST", body });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.textContent = "Not started: " + (problem.detail || response.statusText);
    } else {
      status.textContent = "Burst started…";
    }
  });
})();
