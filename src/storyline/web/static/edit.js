// storyline web UI, editing (only loaded when the server runs with --edit): every change is
// one JSON request to /api/edits carrying the session's CSRF token; the page then reloads.
"use strict";

(function () {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) return;
  const token = meta.getAttribute("content");

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": token },
      body: body === undefined ? "{}" : JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(typeof data.detail === "string" ? data.detail : "edit refused");
        return data;
      });
    });
  }

  function edit(kind, target, value) {
    return post("/api/edits", { kind: kind, target: Number(target), value: value === undefined ? null : value });
  }

  function fail(error) {
    window.alert(error.message);
  }

  document.querySelectorAll("button[data-edit]").forEach(function (button) {
    button.addEventListener("click", function () {
      let value;
      if (button.dataset.edit === "event.split") {
        value = JSON.stringify({ article: Number(button.dataset.article), sentence: button.dataset.sentence });
      }
      edit(button.dataset.edit, button.dataset.target, value).then(function () { location.reload(); }, fail);
    });
  });

  document.querySelectorAll("form.edit-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const value = form.querySelector("[name=value]").value;
      edit(form.dataset.edit, form.dataset.target, value).then(function () { location.reload(); }, fail);
    });
  });

  document.querySelectorAll("form.meta-form").forEach(function (form) {
    const initial = {};
    form.querySelectorAll("input").forEach(function (input) { initial[input.name] = input.value; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const changed = Array.from(form.querySelectorAll("input")).filter(function (input) {
        return input.value !== initial[input.name];
      });
      changed.reduce(function (done, input) {
        return done.then(function () { return edit(input.name, form.dataset.target, input.value); });
      }, Promise.resolve()).then(function () { location.reload(); }, fail);
    });
  });

  document.querySelectorAll("button[data-undo]").forEach(function (button) {
    button.addEventListener("click", function () {
      post("/api/edits/" + Number(button.dataset.undo) + "/undo").then(function () { location.reload(); }, fail);
    });
  });

  document.querySelectorAll("form.merge-search").forEach(function (form) {
    const list = form.querySelector(".merge-results");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const q = form.querySelector("[name=q]").value;
      fetch("/api/events?" + new URLSearchParams({ q: q, limit: "20" }).toString())
        .then(function (response) { return response.json(); })
        .then(function (data) {
          list.replaceChildren();
          (data.events || []).filter(function (e) { return String(e.id) !== form.dataset.target; })
            .forEach(function (e) {
              const item = document.createElement("li");
              const button = document.createElement("button");
              button.type = "button";
              button.className = "merge-with";
              button.textContent = "Merge";
              button.addEventListener("click", function () {
                edit("event.merge", form.dataset.target, String(e.id)).then(function () { location.reload(); }, fail);
              });
              item.append(button, " " + e.display_date + " — " + e.summary);
              list.append(item);
            });
          if (!list.children.length) list.textContent = "no other event has these words";
        }, fail);
    });
  });
})();
