// storyline web UI: brush the overview strip to zoom the timeline to a period.
// No data is written into the page from here; navigation only.
"use strict";

(function () {
  const svg = document.querySelector("svg.density");
  if (!svg) return;
  const brush = svg.querySelector("rect.brush");
  const hits = Array.from(svg.querySelectorAll("rect.hit"));
  let from = null;
  let moved = false;

  function hitAt(event) {
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * hits.length;
    const index = Math.max(0, Math.min(hits.length - 1, Math.floor(x)));
    return index;
  }

  function draw(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    brush.setAttribute("x", String(lo * 10));
    brush.setAttribute("width", String((hi - lo + 1) * 10));
  }

  svg.addEventListener("pointerdown", function (event) {
    from = hitAt(event);
    moved = false;
    svg.setPointerCapture(event.pointerId);
    draw(from, from);
    event.preventDefault();
  });

  svg.addEventListener("pointermove", function (event) {
    if (from === null) return;
    const to = hitAt(event);
    if (to !== from) moved = true;
    draw(from, to);
  });

  svg.addEventListener("pointerup", function (event) {
    if (from === null) return;
    const to = hitAt(event);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    from = null;
    const params = new URLSearchParams(svg.dataset.base || "");
    params.set("since", hits[lo].dataset.period);
    params.set("until", hits[hi].dataset.period);
    params.delete("page");
    window.location.search = params.toString();
    event.preventDefault();
  });

  // A plain click is handled by pointerup above; keep the links for keyboard users.
  svg.addEventListener("click", function (event) {
    if (event.detail > 0) event.preventDefault();
  });
  void moved;
})();
