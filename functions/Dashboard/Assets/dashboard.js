"use strict";
// The dashboard page: polls one JSON snapshot and redraws in place (no reload). Read-only: it only sends GETs.
(function () {
  const refreshSeconds = Math.max(1, parseInt(document.body.dataset.refresh, 10) || 5);
  const base = location.pathname.replace(/\/+$/, "");
  // In Azure the page is opened with ?code=<function key>; the key goes on as a header, never into other URLs.
  const key = new URLSearchParams(location.search).get("code");
  const headers = key ? { "x-functions-key": key } : {};
  let updates = 0;

  const $ = (sel, root) => (root || document).querySelector(sel);
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  // Money arrives as exact decimal text; it is grouped as text, never through a float.
  function money(text) {
    if (text === null || text === undefined) return "–";
    const neg = text.startsWith("-");
    const [whole, frac] = (neg ? text.slice(1) : text).split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (neg ? "-" : "") + grouped + (frac !== undefined ? "." + frac : "");
  }
  function signClass(text) { return !text ? "" : text.startsWith("-") ? "down" : /^0(\.0+)?$/.test(text) ? "" : "up"; }
  function time(iso) { return iso ? iso.slice(0, 19).replace("T", " ") : "–"; }
  function hhmm(iso) { return iso ? iso.slice(11, 16) : "–"; }
  function cell(row, text, field, cls) {
    const td = el("td", text, cls);
    if (field) td.dataset.field = field;
    row.appendChild(td);
    return td;
  }
  function fill(tbody, items, render, emptyId) {
    tbody.replaceChildren(...items.map(render));
    if (emptyId) $(emptyId).hidden = items.length > 0;
  }
  function badge(node, text, cls) { node.textContent = text; node.className = "badge " + (cls || ""); }

  function renderOverview(o, positions) {
    badge($("#state"), "Trading: " + o.tradingState, o.tradingState === "Active" ? "ok" : o.tradingState === "Halted" ? "bad" : "warn");
    badge($("#kill"), o.killSwitch ? "Kill switch ENGAGED" : "Kill switch off", o.killSwitch ? "bad" : "ok");
    badge($("#breaker"), o.breakerTripped ? "Breaker TRIPPED" : "Breaker armed", o.breakerTripped ? "bad" : "ok");
    const m = o.market || {};
    badge($("#market"), m.error ? "Market: " + m.error : m.open ? "Market open" : "Market closed", m.error ? "bad" : m.open ? "ok" : "");
    badge($("#broker"), "Broker: " + o.broker, "muted");
    const a = o.account || {};
    for (const f of ["equity", "cash", "buyingPower", "dayPnl"]) {
      const node = $(`#kpis [data-field=${f}]`);
      node.textContent = a.error ? "n/a" : money(a[f]);
      if (f === "dayPnl") node.className = "value " + signClass(a[f]);
    }
    const u = $("#kpis [data-field=unrealizedPl]");
    u.textContent = money(positions.totals ? positions.totals.unrealizedPl : null);
    u.className = "value " + signClass(positions.totals && positions.totals.unrealizedPl);
    $("#kpis [data-field=orderCounts]").textContent = o.openOrders + " / " + o.filledOrders;
  }

  function renderPositions(p) {
    fill($("#positions tbody"), p.items, (x) => {
      const tr = el("tr"); tr.dataset.symbol = x.symbol;
      cell(tr, x.symbol, "symbol");
      cell(tr, x.qty, "qty");
      cell(tr, x.avgEntryPrice, "avgEntryPrice");
      cell(tr, x.currentPrice, "currentPrice");
      cell(tr, money(x.marketValue), "marketValue");
      cell(tr, money(x.unrealizedPl), "unrealizedPl", signClass(x.unrealizedPl));
      cell(tr, x.unrealizedPlPct === null ? "–" : x.unrealizedPlPct + "%", "unrealizedPlPct", signClass(x.unrealizedPlPct));
      cell(tr, money(x.unrealizedIntradayPl), "unrealizedIntradayPl", signClass(x.unrealizedIntradayPl));
      return tr;
    }, "#positions-empty");
    if (p.error) $("#positions-empty").textContent = "Broker unavailable: " + p.error, $("#positions-empty").hidden = false;
  }

  function history(order) {
    const d = el("details"); d.appendChild(el("summary", order.history.length + " steps"));
    const ol = el("ol");
    for (const h of order.history) {
      ol.appendChild(el("li", `${hhmm(h.at)} ${h.from} → ${h.to} (${h.event}${h.fillQty ? ", " + h.fillQty + " @ " + h.fillPrice : ""})`));
    }
    d.appendChild(ol);
    return d;
  }

  function orderRow(o, open) {
    const tr = el("tr"); tr.dataset.order = o.clientOrderId;
    cell(tr, hhmm(o.createdAt), "createdAt");
    const what = cell(tr, `${o.side} ${o.qty} ${o.symbol} ${o.type}${o.limitPrice ? " @ " + o.limitPrice : ""}`, "order", "text");
    what.title = o.clientOrderId;
    cell(tr, o.status, "status");
    if (open) cell(tr, o.brokerStatus || "–", "brokerStatus");
    cell(tr, o.filledQty, "filledQty");
    cell(tr, o.avgFillPrice || "–", "avgFillPrice");
    if (!open) { const td = cell(tr, "", "history"); td.appendChild(history(o)); }
    return tr;
  }

  function renderOrders(o) {
    fill($("#orders-open tbody"), o.open, (x) => orderRow(x, true), "#orders-open-empty");
    fill($("#orders-recent tbody"), o.recent, (x) => orderRow(x, false), "#orders-recent-empty");
  }

  function renderRisk(r) {
    fill($("#risk tbody"), r.limits, (l) => {
      const tr = el("tr"); tr.dataset.setting = l.setting; tr.title = l.setting + (l.detail ? ": " + l.detail : "");
      cell(tr, l.name, "name");
      cell(tr, l.current === null ? "n/a" : (l.unit === "USD" ? money(l.current) : l.current) + (l.unit === "%" ? "%" : ""), "current");
      cell(tr, (l.unit === "USD" ? money(l.limit) : l.limit) + (l.unit === "%" ? "%" : ""), "limit");
      const used = cell(tr, "", "utilisation");
      const meter = el("span", null, "meter " + l.state); const bar = el("span");
      bar.style.width = Math.min(100, parseFloat(l.utilisationPct) || 0) + "%";
      meter.appendChild(bar); used.appendChild(meter); used.appendChild(document.createTextNode(l.utilisationPct === null ? "n/a" : l.utilisationPct + "%"));
      return tr;
    });
  }

  function renderTicks(t) {
    fill($("#ticks tbody"), t.symbols, (s) => {
      const tr = el("tr"); tr.dataset.symbol = s.symbol;
      cell(tr, s.symbol); cell(tr, time(s.lastBarStart)); cell(tr, s.lastClose || "–");
      cell(tr, s.ageSeconds === null ? "none" : s.ageSeconds + " s", "age");
      return tr;
    });
  }

  function renderShadow(s) {
    fill($("#shadow tbody"), s.models, (m) => {
      const tr = el("tr");
      cell(tr, m.model + " " + m.version); cell(tr, m.window); cell(tr, m.predictions);
      cell(tr, m.hitRate === null ? "–" : m.hitRate + "%"); cell(tr, m.brier || "–");
      return tr;
    }, "#shadow-empty");
  }

  function renderNotifications(n) {
    $("#notifications").replaceChildren(...n.items.map((x) => {
      const li = el("li"); li.dataset.kind = x.kind;
      li.appendChild(el("time", time(x.at)));
      li.appendChild(el("strong", x.title + " "));
      li.appendChild(el("span", x.text, "muted"));
      return li;
    }));
    if (n.items.length === 0) $("#notifications").appendChild(el("li", "Nothing yet.", "muted"));
  }

  // A hand-drawn line chart: points [{t, equity}] on a canvas, min/max and first/last labels.
  function chart(canvas, points, label) {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || 640, h = canvas.clientHeight || 240;
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    const g = canvas.getContext("2d");
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    g.font = "11px system-ui, sans-serif"; g.fillStyle = "#8b95a3";
    const ys = points.map((p) => parseFloat(p.equity));
    if (ys.length === 0) { g.fillText("no data yet", 10, h / 2); canvas.dataset.points = "0"; return; }
    let lo = Math.min(...ys), hi = Math.max(...ys);
    if (hi - lo < 1) { lo -= 1; hi += 1; }
    const left = 64, right = 10, top = 10, bottom = 22;
    const x = (i) => left + (ys.length === 1 ? (w - left - right) / 2 : i * (w - left - right) / (ys.length - 1));
    const y = (v) => top + (hi - v) * (h - top - bottom) / (hi - lo);
    g.strokeStyle = "#2a3440"; g.lineWidth = 1;
    for (const v of [lo, (lo + hi) / 2, hi]) {
      g.beginPath(); g.moveTo(left, y(v)); g.lineTo(w - right, y(v)); g.stroke();
      g.fillText(v.toFixed(0), 4, y(v) + 4);
    }
    g.fillText(label(points[0]), left, h - 6);
    const last = label(points[points.length - 1]);
    g.fillText(last, w - right - g.measureText(last).width, h - 6);
    g.strokeStyle = ys[ys.length - 1] >= ys[0] ? "#36c98e" : "#ef5b5b"; g.lineWidth = 2;
    g.beginPath();
    ys.forEach((v, i) => (i === 0 ? g.moveTo(x(i), y(v)) : g.lineTo(x(i), y(v))));
    if (ys.length === 1) { g.arc(x(0), y(ys[0]), 3, 0, 2 * Math.PI); }
    g.stroke();
    canvas.dataset.points = String(ys.length);
  }

  function render(d) {
    renderOverview(d.overview, d.positions);
    renderPositions(d.positions);
    renderOrders(d.orders);
    renderRisk(d.risk);
    renderTicks(d.ticks);
    renderShadow(d.shadow);
    renderNotifications(d.notifications);
    chart($("#equity-day"), d.equity.day, (p) => hhmm(p.t) + " UTC");
    chart($("#equity-month"), d.equity.month, (p) => p.date);
    updates += 1;
    document.body.dataset.asOf = d.asOf;
    document.body.dataset.updates = String(updates);
    $("#as-of").textContent = "as of " + time(d.asOf) + " UTC";
  }

  async function poll() {
    try {
      const response = await fetch(base + "/data/all", { headers, cache: "no-store", credentials: "same-origin" });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.status);
      render(body);
      $("#status").textContent = "";
    } catch (e) {
      $("#status").textContent = "refresh failed: " + e.message;
    } finally {
      setTimeout(poll, refreshSeconds * 1000);
    }
  }

  window.__dashboardPageId = Math.random().toString(36).slice(2);
  poll();
})();
