/* chronist timeline page: timeline (canvas), event list (virtualised), text, map (SVG), index.
   Hand-written, no dependencies; reads its data from <script type="application/json"> blocks. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("chronist-data").textContent);
  var BASEMAP = JSON.parse(document.getElementById("chronist-basemap").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = "http://www.w3.org/2000/svg";

  var I18N = {
    de: {
      timeline: "Zeitleiste", events: "Ereignisse", text: "Text", map: "Karte", index: "Verzeichnis",
      people: "Personen", places: "Orte", orgs: "Organisationen", lanes: "Spuren",
      byType: "nach Art", byActor: "nach Akteur", zoomIn: "Hineinzoomen", zoomOut: "Herauszoomen",
      fit: "Alles zeigen", filter: "Filter", clear: "Filter aufheben", undated: "ohne Datum",
      bc: "v. Chr.", ca: "um", of: "von", shown: "angezeigt", others: "andere",
      hint: "Ziehen oder ←/→ zum Verschieben, Mausrad oder +/− zum Zoomen, Klick wählt ein Ereignis.",
      listHint: "↑/↓ wählt, Enter springt zum Satz.",
      mapNote: "Kreise: Orte, Größe nach Zahl der Ereignisse. Klick filtert die Zeitleiste.",
      lang: "Sprache", skip: "Zum Text springen", source: "Quelle", how: "Datierung",
      explicit: "im Satz", bounded: "begrenzt", "reference-event": "über Bezugsereignis",
      narrative: "aus dem Erzählfluss", unknown: "unbekannt", hypothetical: "nicht als Tatsache berichtet",
      confidence: "Konfidenz", place: "Ort", noPlace: "Kein Ort mit Koordinaten", unplaced: "nicht auf der Karte: Ort nicht sicher bestimmt", uncertain: "unsichere Spanne",
      exact: "genau datiert", mentions: "Erwähnungen", legendTimex: "Zeitangabe",
      names: "Namen", timexes: "Zeitangaben", nobody: "(niemand genannt)",
      open: "offenes Ende", legendEvent: "Satz eines Ereignisses", eventsN: "Ereignisse",
      months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."],
      types: { conflict: "Konflikt", diplomacy: "Diplomatie", leadership: "Führungswechsel", death: "Tod",
        economy: "Wirtschaft", culture: "Kultur", science: "Wissenschaft", politics: "Politik",
        disaster: "Katastrophe", movement: "Bewegung", law: "Recht", birth: "Geburt", event: "Ereignis",
        founding: "Gründung", treaty: "Vertrag", election: "Wahl", other: "Sonstiges" }
    },
    en: {
      timeline: "Timeline", events: "Events", text: "Text", map: "Map", index: "Index",
      people: "People", places: "Places", orgs: "Organisations", lanes: "Lanes",
      byType: "by type", byActor: "by actor", zoomIn: "Zoom in", zoomOut: "Zoom out",
      fit: "Show all", filter: "Filter", clear: "Clear filter", undated: "undated",
      bc: "BC", ca: "c.", of: "of", shown: "shown", others: "others",
      hint: "Drag or ←/→ to pan, wheel or +/− to zoom, click selects an event.",
      listHint: "↑/↓ selects, Enter jumps to the sentence.",
      mapNote: "Circles: places, sized by number of events. Click filters the timeline.",
      lang: "Language", skip: "Skip to text", source: "Source", how: "Dated",
      explicit: "in the sentence", bounded: "bounded", "reference-event": "by a reference event",
      narrative: "from the narrative", unknown: "unknown", hypothetical: "not stated as fact",
      confidence: "confidence", place: "Place", noPlace: "No place with coordinates", unplaced: "not on the map: place not identified with confidence", uncertain: "uncertain extent",
      exact: "exact date", mentions: "mentions", legendTimex: "date expression",
      names: "names", timexes: "date expressions", nobody: "(no one named)",
      open: "open end", legendEvent: "sentence of an event", eventsN: "events",
      months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
      types: {}
    }
  };
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939"];

  var params = new URLSearchParams(location.search);
  var state = {
    lang: I18N[params.get("lang")] ? params.get("lang") : (I18N[D.lang] ? D.lang : "en"),
    lanes: "type", filter: -1, selected: -1, v0: 0, v1: 1
  };
  var EV = D.events, ENT = D.entities;
  var visible = [];   // indices of events passing the filter (list order)
  var rects = [];     // hit boxes of the last timeline frame
  var textSpans = {}; // event index -> span elements

  function t(key) { return I18N[state.lang][key] || I18N.en[key] || key; }
  function typeName(ty) {
    var label = (D.typeLabels[ty] || {})[state.lang] || I18N[state.lang].types[ty] || ty;
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  function typeColor(ty) { return PALETTE[Math.max(0, D.types.indexOf(ty)) % PALETTE.length]; }

  /* ---------- dates ---------- */
  function yearLabel(y) { return y > 0 ? String(y) : (1 - y) + " " + t("bc"); }
  function parsePlain(s) {
    var m = /^(-?\d{4,})(?:-(\d\d))?(?:-(\d\d))?$/.exec(s || "");
    return m ? [parseInt(m[1], 10), m[2] ? +m[2] : 0, m[3] ? +m[3] : 0] : null;
  }
  function fmtPlain(p) {
    var out = yearLabel(p[0]);
    if (p[1]) out = t("months")[p[1] - 1] + " " + out;
    if (p[2]) out = p[2] + (state.lang === "de" ? ". " : " ") + out;
    return out;
  }
  function when(ev) {
    var e = ev.edtf || "", p = parsePlain(e);
    if (p) return fmtPlain(p);
    var approx = /[~%]$/.test(e), q = /\?$/.test(e);
    var core = parsePlain(e.replace(/[~?%]$/, ""));
    if (core) return (approx ? t("ca") + " " : "") + fmtPlain(core) + (q ? "?" : "");
    var parts = e.split("/");
    if (parts.length === 2) {
      var a = parsePlain(parts[0]), b = parsePlain(parts[1]);
      if (a && b) return fmtPlain(a) + " – " + fmtPlain(b);
      if (a && parts[1] === "..") return (state.lang === "de" ? "ab " : "from ") + fmtPlain(a);
      if (b && parts[0] === "..") return (state.lang === "de" ? "bis " : "until ") + fmtPlain(b);
    }
    var b0 = first(ev), b1 = last(ev);
    if (b0 === null) return t("undated");
    var y0 = Math.floor(b0), y1 = Math.floor(b1);
    return y0 === y1 ? yearLabel(y0) : yearLabel(y0) + " – " + yearLabel(y1);
  }
  function first(ev) { for (var i = 0; i < 4; i++) if (ev.b[i] !== null) return ev.b[i]; return null; }
  function last(ev) { for (var i = 3; i >= 0; i--) if (ev.b[i] !== null) return ev.b[i]; return null; }
  function dated(ev) { return first(ev) !== null; }
  function openEnd(ev) { return ev.b[2] === null && ev.b[3] === null && first(ev) !== null; }
  function openStart(ev) { return ev.b[0] === null && ev.b[1] === null && first(ev) !== null; }
  var OPEN = 70;

  /* ---------- filter ---------- */
  function involves(ev, ent) { return ev.place === ent || ev.actors.indexOf(ent) >= 0; }
  function applyFilter() {
    visible = [];
    for (var i = 0; i < EV.length; i++) if (state.filter < 0 || involves(EV[i], state.filter)) visible.push(i);
    showFilter();
    renderList(true); drawTimeline(); drawPlaces(); renderIndex();
  }
  function showFilter() {
    var chip = $("filter-chip");
    if (state.filter >= 0) {
      chip.hidden = false;
      $("filter-name").textContent = t("filter") + ": " + ENT[state.filter].text;
    } else chip.hidden = true;
    $("count").textContent = visible.length === EV.length ? String(EV.length)
      : visible.length + " " + t("of") + " " + EV.length;
    $("count").setAttribute("data-count", String(visible.length));
  }
  function setFilter(ent) {
    state.filter = state.filter === ent ? -1 : ent;
    applyFilter();
    announce(state.filter >= 0 ? t("filter") + ": " + ENT[ent].text + ", " + visible.length + " " + t("events") : t("clear"));
  }

  /* ---------- timeline (canvas) ---------- */
  var canvas = $("tl"), ctx = canvas.getContext("2d"), wrap = $("tl-wrap");
  var GUTTER = 112, AXIS = 30, ROW = 22, MAXROWS = EV.length > 400 ? 8 : 40;
  var labelWidth = {};
  function x(tv) { return GUTTER + (tv - state.v0) / (state.v1 - state.v0) * (canvas.clientWidth - GUTTER - 8); }
  function tAt(px) { return state.v0 + (px - GUTTER) / (canvas.clientWidth - GUTTER - 8) * (state.v1 - state.v0); }
  function fit() {
    var lo = Infinity, hi = -Infinity;
    visible.forEach(function (i) { var ev = EV[i]; if (dated(ev)) { lo = Math.min(lo, first(ev)); hi = Math.max(hi, last(ev)); } });
    if (lo === Infinity) { lo = 1900; hi = 2000; }
    var pad = Math.max((hi - lo) * 0.05, 0.5);
    state.v0 = lo - pad; state.v1 = hi + pad;
  }
  function clampView() {
    var span = Math.min(Math.max(state.v1 - state.v0, 7 / 365.25), 20000);
    var mid = Math.min(Math.max((state.v0 + state.v1) / 2, -12000), 2200);
    state.v0 = mid - span / 2; state.v1 = mid + span / 2;
  }
  function zoom(factor, atPx) {
    var at = atPx === undefined ? (state.v0 + state.v1) / 2 : tAt(atPx);
    state.v0 = at - (at - state.v0) * factor; state.v1 = at + (state.v1 - at) * factor;
    clampView(); requestDraw();
  }
  function pan(fraction) {
    var d = (state.v1 - state.v0) * fraction; state.v0 += d; state.v1 += d; clampView(); requestDraw();
  }
  function ticks() {
    var span = state.v1 - state.v0, w = canvas.clientWidth - GUTTER;
    var target = span / Math.max(2, w / 110);
    var steps = [1 / 365.25, 7 / 365.25, 1 / 12, 3 / 12, 6 / 12, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) if (steps[i] >= target) { step = steps[i]; break; }
    var out = [];
    if (step >= 1) {
      // ticks on historical years: 100 BC sits at astronomical -99, there is no year 0
      var k0 = Math.floor(state.v0 / step) - 1, k1 = Math.ceil(state.v1 / step) + 1;
      for (var k = k0; k <= k1; k++) {
        var h = k * step; if (h === 0) continue;
        var astro = h > 0 ? h : h + 1;
        out.push([astro, h > 0 ? String(h) : (-h) + " " + t("bc")]);
      }
    } else if (step >= 1 / 12) {
      var months = Math.round(step * 12), m0 = Math.floor(state.v0 * 12 / months) * months;
      for (var m = m0; m / 12 <= state.v1; m += months) {
        var yr = Math.floor(m / 12), mo = ((m % 12) + 12) % 12;
        out.push([m / 12, mo === 0 ? yearLabel(yr) : t("months")[mo]]);
      }
    } else {
      var d0 = Math.floor(state.v0 * 365.25 / (step * 365.25)) * step * 365.25;
      for (var d = d0; d / 365.25 <= state.v1; d += step * 365.25) {
        var tv = d / 365.25, y = Math.floor(tv), doy = Math.floor((tv - y) * 365.25);
        var date = new Date(Date.UTC(2001, 0, 1 + doy));
        out.push([tv, date.getUTCDate() + " " + t("months")[date.getUTCMonth()]]);
      }
    }
    return out;
  }
  function laneOf(ev) {
    if (state.lanes === "type") return typeName(ev.type);
    return ev.people.length ? ENT[ev.people[0]].text : t("nobody");
  }
  function layout() {
    var laneCount = {}, items = [];
    visible.forEach(function (i) {
      if (!dated(EV[i])) return;
      var lane = laneOf(EV[i]); laneCount[lane] = (laneCount[lane] || 0) + 1; items.push(i);
    });
    var lanes = Object.keys(laneCount).sort(function (a, b) { return laneCount[b] - laneCount[a] || (a < b ? -1 : 1); });
    if (state.lanes === "actor" && lanes.length > 12) {
      var keep = lanes.slice(0, 11), other = t("others");
      items.forEach(function (i) { EV[i]._lane = keep.indexOf(laneOf(EV[i])) >= 0 ? laneOf(EV[i]) : other; });
      lanes = keep.concat([other]);
    } else items.forEach(function (i) { EV[i]._lane = laneOf(EV[i]); });
    return { lanes: lanes, items: items };
  }
  var drawPending = false;
  function requestDraw() { if (!drawPending) { drawPending = true; requestAnimationFrame(function () { drawPending = false; drawTimeline(); }); } }
  function drawTimeline() {
    var L = layout(), width = wrap.clientWidth, dpr = window.devicePixelRatio || 1;
    GUTTER = width < 520 ? 78 : 112;
    var rowsPerLane = {}, placed = [];
    ctx.font = "12px system-ui, sans-serif";
    // pack each lane's events into rows by pixel extent (labels included when they fit)
    var ends = {};
    L.lanes.forEach(function (lane) { ends[lane] = []; rowsPerLane[lane] = 1; });
    var order = L.items.slice().sort(function (a, b) { return first(EV[a]) - first(EV[b]); });
    var W = width - GUTTER - 8, scale = W / (state.v1 - state.v0);
    order.forEach(function (i) {
      var ev = EV[i], x0 = GUTTER + (first(ev) - state.v0) * scale, x1 = GUTTER + (last(ev) - state.v0) * scale;
      if (x1 - x0 < 10) { var c = (x0 + x1) / 2; x0 = c - 5; x1 = c + 5; }
      if (openEnd(ev)) x1 += OPEN; if (openStart(ev)) x0 -= OPEN;
      var lw = labelWidth[i] || (labelWidth[i] = ctx.measureText(ev.label).width);
      var right = x1 + 6 + lw + 8, rows = ends[ev._lane], row = -1, left = x0, flip = false;
      if (Math.min(x1, width) - Math.max(x0, GUTTER) >= lw + 12) { flip = "inside"; right = x1 + 4; }
      else if (right > width - 4 && x0 - 6 - lw > GUTTER) { flip = true; left = x0 - 6 - lw - 8; right = x1 + 4; }
      for (var r = 0; r < rows.length; r++) if (rows[r] <= left) { row = r; break; }
      var free = true;
      if (row < 0 && rows.length < MAXROWS) { row = rows.length; rows.push(-Infinity); }
      if (row < 0) { free = false; row = 0; for (r = 1; r < rows.length; r++) if (rows[r] < rows[row]) row = r; }
      rows[row] = Math.max(rows[row], right);
      placed.push([i, x0, x1, row, flip, free]);
    });
    // a label is drawn only where nothing else in its row starts under it
    var byRow = {};
    placed.forEach(function (p) { var key = EV[p[0]]._lane + "\u0000" + p[3]; (byRow[key] = byRow[key] || []).push(p); });
    Object.keys(byRow).forEach(function (key) {
      var row = byRow[key].sort(function (a, b) { return a[1] - b[1]; });
      row.forEach(function (p, k) {
        var lw = labelWidth[p[0]] + 10;
        if (p[4] === "inside") return;
        if (p[4]) p[5] = p[5] && (k === 0 || row[k - 1][2] < p[1] - lw);
        else p[5] = p[5] && (k === row.length - 1 || row[k + 1][1] > p[2] + lw);
      });
    });
    var laneTop = {}, y = AXIS + 6;
    L.lanes.forEach(function (lane) { laneTop[lane] = y; y += Math.max(1, ends[lane].length) * ROW + 10; });
    var height = Math.max(y + 4, 160);
    canvas.style.height = height + "px";
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = "12px system-ui, sans-serif";
    // lanes
    L.lanes.forEach(function (lane, k) {
      var top = laneTop[lane], h = Math.max(1, ends[lane].length) * ROW + 4;
      ctx.fillStyle = k % 2 ? "#fbfaf7" : "#f4f2ec"; ctx.fillRect(0, top - 3, width, h);
    });
    // axis and grid
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, width, AXIS);
    ctx.strokeStyle = "#d9d4c7"; ctx.beginPath(); ctx.moveTo(0, AXIS + .5); ctx.lineTo(width, AXIS + .5); ctx.stroke();
    ctx.fillStyle = "#5d6670"; ctx.textBaseline = "middle";
    ticks().forEach(function (tk) {
      var px = Math.round(x(tk[0])) + .5;
      if (px < GUTTER || px > width) return;
      ctx.strokeStyle = "#e7e2d6"; ctx.beginPath(); ctx.moveTo(px, AXIS); ctx.lineTo(px, height); ctx.stroke();
      ctx.strokeStyle = "#8a8f96"; ctx.beginPath(); ctx.moveTo(px, AXIS - 6); ctx.lineTo(px, AXIS); ctx.stroke();
      ctx.fillText(tk[1], px + 3, AXIS / 2 - 2);
    });
    // events
    rects = [];
    var sel = null;
    placed.forEach(function (p) {
      var i = p[0], ev = EV[i], x0 = p[1], x1 = p[2], top = laneTop[ev._lane] + p[3] * ROW;
      if (x1 < GUTTER - 40 || x0 > width) return;
      var col = typeColor(ev.type), mid = top + ROW / 2 - 1;
      var b = ev.b, full0 = x(first(ev)), full1 = x(last(ev));
      if (openEnd(ev) || openStart(ev)) {
        // open interval: a fading tail towards the open side
        var right_ = openEnd(ev), a0 = right_ ? full1 : full0 - OPEN, a1 = right_ ? full1 + OPEN : full0;
        var grad = ctx.createLinearGradient(a0, 0, a1, 0);
        grad.addColorStop(right_ ? 0 : 1, col); grad.addColorStop(right_ ? 1 : 0, "rgba(255,255,255,0)");
        ctx.globalAlpha = ev.hyp ? 0.25 : 0.55; ctx.fillStyle = grad; ctx.fillRect(a0, mid - 5, a1 - a0, 10);
        ctx.globalAlpha = 1;
      }
      var hasCore = b[1] !== null && b[2] !== null && b[1] <= b[2];
      var core0 = hasCore ? x(b[1]) : full0, core1 = hasCore ? x(b[2]) : full1;
      ctx.globalAlpha = ev.hyp ? 0.45 : 1;
      if (full1 - full0 >= 10) {
        // uncertain extent: faded; what is certain: solid
        ctx.fillStyle = col; ctx.globalAlpha *= 0.22;
        ctx.fillRect(full0, mid - 7, full1 - full0, 14);
        ctx.globalAlpha = ev.hyp ? 0.45 : 1;
        if (core1 - core0 >= 2 && (core0 > full0 + 1 || core1 < full1 - 1 || !ev.fuzzy)) {
          ctx.fillRect(core0, mid - 5, core1 - core0, 10);
        } else if (core1 - core0 < 2) {
          ctx.fillRect(core0 - 1, mid - 7, 3, 14);
        }
        if (ev.fuzzy) { ctx.strokeStyle = col; ctx.setLineDash([3, 3]); ctx.strokeRect(full0 + .5, mid - 6.5, full1 - full0 - 1, 13); ctx.setLineDash([]); }
      } else {
        ctx.fillStyle = col; ctx.beginPath(); ctx.arc((x0 + x1) / 2, mid, 5, 0, Math.PI * 2); ctx.fill();
        if (ev.fuzzy) { ctx.globalAlpha = 0.25; ctx.beginPath(); ctx.arc((x0 + x1) / 2, mid, 9, 0, Math.PI * 2); ctx.fill(); ctx.globalAlpha = 1; }
      }
      var lx = Math.max(x1 + 6, GUTTER + 2), right = lx + labelWidth[i];
      if (p[4] === "inside") { lx = Math.max(x0, GUTTER) + 6; right = lx + labelWidth[i]; }
      else if (p[4]) { lx = x0 - 6 - labelWidth[i]; right = x0; }
      if (p[5] && right <= width - 2 && lx >= GUTTER) {
        ctx.fillStyle = ev.hyp ? "#8a8f96" : "#1d2329"; ctx.fillText(ev.label, lx, mid + 1);
      }
      ctx.globalAlpha = 1;
      rects.push([Math.min(x0, full0) - 3, top, Math.max(x1, full1, Math.min(right, width)) + 3, top + ROW, i]);
      if (i === state.selected) sel = [Math.min(x0, full0), top, Math.max(x1, full1), top + ROW];
    });
    window.chronist.selRect = sel;
    if (sel) {
      ctx.strokeStyle = "#111"; ctx.lineWidth = 2;
      ctx.strokeRect(sel[0] - 3, sel[1] + 1, sel[2] - sel[0] + 6, ROW - 4); ctx.lineWidth = 1;
    }
    // lane labels in a gutter over everything
    ctx.fillStyle = "rgba(255,255,255,.94)"; ctx.fillRect(0, AXIS + 1, GUTTER - 4, height);
    ctx.fillStyle = "#20303d"; ctx.font = "600 12px system-ui, sans-serif";
    L.lanes.forEach(function (lane) {
      var room = GUTTER < 100 ? 10 : 16, label = lane.length > room ? lane.slice(0, room - 1) + "…" : lane;
      ctx.fillText(label, 8, laneTop[lane] + ROW / 2);
    });
    var drawn = rects.length, dated_ = L.items.length;
    canvas.setAttribute("data-events", String(dated_));
    canvas.setAttribute("aria-label", t("timeline") + ": " + dated_ + " " + t("events") + ", " +
      yearLabel(Math.floor(state.v0)) + " – " + yearLabel(Math.floor(state.v1)));
    window.chronist.drawn = drawn;
  }
  function hit(px, py) {
    for (var k = rects.length - 1; k >= 0; k--) {
      var r = rects[k]; if (px >= r[0] && px <= r[2] && py >= r[1] && py <= r[3]) return r[4];
    }
    return -1;
  }
  (function timelineInput() {
    var drag = null, pointers = {}, pinch = null;
    canvas.addEventListener("pointerdown", function (e) {
      pointers[e.pointerId] = e.clientX; canvas.setPointerCapture(e.pointerId);
      var ids = Object.keys(pointers);
      if (ids.length === 2) { pinch = { d: Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1, v0: state.v0, v1: state.v1 }; drag = null; }
      else drag = { x: e.clientX, v0: state.v0, v1: state.v1, moved: false };
    });
    canvas.addEventListener("pointermove", function (e) {
      if (pointers[e.pointerId] !== undefined) pointers[e.pointerId] = e.clientX;
      var ids = Object.keys(pointers);
      if (pinch && ids.length === 2) {
        var d = Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1, f = pinch.d / d;
        var rect = canvas.getBoundingClientRect(), c = (pointers[ids[0]] + pointers[ids[1]]) / 2 - rect.left;
        state.v0 = pinch.v0; state.v1 = pinch.v1;
        var at = tAt(c); state.v0 = at - (at - pinch.v0) * f; state.v1 = at + (pinch.v1 - at) * f; clampView(); requestDraw();
        return;
      }
      if (drag) {
        var dx = e.clientX - drag.x;
        if (Math.abs(dx) > 3) { drag.moved = true; canvas.classList.add("dragging"); }
        if (drag.moved) {
          var dt = dx / (canvas.clientWidth - GUTTER - 8) * (drag.v1 - drag.v0);
          state.v0 = drag.v0 - dt; state.v1 = drag.v1 - dt; clampView(); requestDraw();
        }
        return;
      }
      var r = canvas.getBoundingClientRect(), i = hit(e.clientX - r.left, e.clientY - r.top);
      canvas.style.cursor = i >= 0 ? "pointer" : "grab";
      tip(i >= 0 ? EV[i].label + " — " + when(EV[i]) : null, e.clientX, e.clientY);
    });
    function up(e) {
      delete pointers[e.pointerId];
      if (pinch) { if (Object.keys(pointers).length < 2) pinch = null; drag = null; return; }
      if (drag && !drag.moved && e.type === "pointerup") {
        var r = canvas.getBoundingClientRect(), i = hit(e.clientX - r.left, e.clientY - r.top);
        if (i >= 0) select(i, "timeline");
      }
      drag = null; canvas.classList.remove("dragging");
    }
    canvas.addEventListener("pointerup", up);
    canvas.addEventListener("pointercancel", up);
    canvas.addEventListener("pointerleave", function () { tip(null); });
    canvas.addEventListener("wheel", function (e) {
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) { pan(e.deltaX / 800); e.preventDefault(); return; }
      var r = canvas.getBoundingClientRect();
      zoom(Math.exp(e.deltaY * 0.0015), e.clientX - r.left); e.preventDefault();
    }, { passive: false });
    canvas.addEventListener("dblclick", function (e) {
      var r = canvas.getBoundingClientRect(); zoom(e.shiftKey ? 2 : 0.5, e.clientX - r.left);
    });
    canvas.addEventListener("keydown", function (e) {
      var k = e.key;
      if (k === "ArrowLeft") pan(-0.1); else if (k === "ArrowRight") pan(0.1);
      else if (k === "+" || k === "=") zoom(0.7); else if (k === "-" || k === "_") zoom(1 / 0.7);
      else if (k === "Home" || k === "0") { fit(); requestDraw(); }
      else if (k === "ArrowDown" || k === "ArrowUp" || k === "Enter") { step(k === "ArrowUp" ? -1 : 1); }
      else return;
      e.preventDefault();
    });
  })();
  function tip(text, cx, cy) {
    var el = $("tip");
    if (!text) { el.style.display = "none"; return; }
    el.textContent = text; el.style.display = "block";
    el.style.left = Math.min(cx + 14, window.innerWidth - el.offsetWidth - 8) + "px";
    el.style.top = (cy + 16) + "px";
  }
  function ensureVisibleOnTimeline(i) {
    var ev = EV[i]; if (!dated(ev)) return;
    var a = first(ev), b = last(ev), span = state.v1 - state.v0;
    if (b - a > span * 0.9) { state.v0 = a - (b - a) * 0.1; state.v1 = b + (b - a) * 0.1; }
    else if (a < state.v0 || b > state.v1) { var c = (a + b) / 2; state.v0 = c - span / 2; state.v1 = c + span / 2; }
    clampView();
  }

  /* ---------- event list (virtualised) ---------- */
  var list = $("list"), spacer = $("list-spacer"), ROWH = 52, rowPool = {};
  function renderList(reset) {
    if (reset) { spacer.innerHTML = ""; rowPool = {}; }
    spacer.style.height = visible.length * ROWH + "px";
    var top = list.scrollTop, h = list.clientHeight || 400;
    var a = Math.max(0, Math.floor(top / ROWH) - 8), b = Math.min(visible.length, Math.ceil((top + h) / ROWH) + 8);
    var keep = {};
    for (var k = a; k < b; k++) {
      var i = visible[k]; keep[i] = true;
      var row = rowPool[i];
      if (!row) {
        row = document.createElement("div");
        row.className = "row" + (EV[i].hyp ? " hyp" : "");
        row.id = "ev-" + EV[i].id; row.setAttribute("role", "option"); row.setAttribute("data-i", String(i));
        row.innerHTML = '<span class="sw"></span><span class="when"></span><span class="lbl"></span>';
        row.firstChild.style.background = typeColor(EV[i].type);
        rowPool[i] = row; spacer.appendChild(row);
      }
      row.style.top = k * ROWH + "px";
      row.children[1].textContent = when(EV[i]) + " · " + typeName(EV[i].type) + (EV[i].hyp ? " · " + t("hypothetical") : "");
      row.children[2].textContent = EV[i].label;
      row.setAttribute("aria-selected", i === state.selected ? "true" : "false");
      row.setAttribute("aria-setsize", String(visible.length)); row.setAttribute("aria-posinset", String(k + 1));
    }
    Object.keys(rowPool).forEach(function (key) { if (!keep[key]) { spacer.removeChild(rowPool[key]); delete rowPool[key]; } });
    if (state.selected >= 0 && rowPool[state.selected]) list.setAttribute("aria-activedescendant", rowPool[state.selected].id);
    else list.removeAttribute("aria-activedescendant");
  }
  list.addEventListener("scroll", function () { renderList(false); });
  list.addEventListener("click", function (e) {
    var row = e.target.closest(".row"); if (row) select(+row.getAttribute("data-i"), "list");
  });
  function step(delta) {
    if (!visible.length) return;
    var k = visible.indexOf(state.selected);
    k = k < 0 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, k + delta));
    select(visible[k], "key");
  }
  list.addEventListener("keydown", function (e) {
    var k = e.key, page = Math.max(1, Math.floor(list.clientHeight / ROWH) - 1);
    if (k === "ArrowDown") step(1); else if (k === "ArrowUp") step(-1);
    else if (k === "PageDown") step(page); else if (k === "PageUp") step(-page);
    else if (k === "Home") { state.selected = -1; step(1); } else if (k === "End") { state.selected = -1; step(-1); }
    else if (k === "Enter" && state.selected >= 0) { var s = textSpans[state.selected]; if (s && s[0]) { s[0].focus(); } }
    else return;
    e.preventDefault();
  });
  function scrollListTo(i) {
    var k = visible.indexOf(i); if (k < 0) return;
    var top = k * ROWH;
    if (top < list.scrollTop || top + ROWH > list.scrollTop + list.clientHeight) list.scrollTop = top - list.clientHeight / 2 + ROWH / 2;
  }

  /* ---------- text ---------- */
  function esc(str) { return str.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function renderText() {
    var text = D.text, n = text.length, marks = [];
    D.timexes.forEach(function (tx) { marks.push([tx[0], tx[1], 0, -1]); });
    ENT.forEach(function (en, k) { en.m.forEach(function (m) { marks.push([m[0], m[1], 1, k]); }); });
    EV.forEach(function (ev, i) {
      marks.push([ev.s, ev.e, 2, i]);
      if (ev.ts !== null) marks.push([ev.ts, ev.te, 3, i]);
    });
    marks = marks.filter(function (m) { return m[0] >= 0 && m[1] <= n && m[0] < m[1]; });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var paras = [], re = /\n\s*\n/g, found;
    while ((found = re.exec(text)) !== null) paras.push(found.index + found[0].length);
    var cuts = new Int32Array(marks.length * 2 + 2 + paras.length), c = 0, isPara = {};
    cuts[c++] = 0; cuts[c++] = n;
    marks.forEach(function (m) { cuts[c++] = m[0]; cuts[c++] = m[1]; });
    paras.forEach(function (p) { cuts[c++] = p; isPara[p] = true; });
    cuts.sort();
    var out = [], open = [], next = 0, prev = -1;
    for (var j = 0; j < cuts.length - 1; j++) {
      var a = cuts[j], b = cuts[j + 1];
      if (a === prev || a === b) continue;
      prev = a;
      if (isPara[a]) out.push('</div><div class="para">');
      if (open.length) open = open.filter(function (m) { return m[1] > a; });
      while (next < marks.length && marks[next][0] <= a) { if (marks[next][1] > a) open.push(marks[next]); next++; }
      var seg = esc(text.slice(a, b));
      if (!open.length) { out.push(seg); continue; }
      var cls = "", evs = "", ent = -1;
      for (var k = 0; k < open.length; k++) {
        var m = open[k];
        if (m[2] === 0) cls += " tx";
        else if (m[2] === 1) { ent = m[3]; cls += " " + ENT[m[3]].type; }
        else if (m[2] === 2) evs += (evs ? " " : "") + m[3];
        else cls += " trig";
      }
      if (evs) cls += " ev";
      out.push('<span class="' + cls.slice(1) + '"' + (evs ? ' data-ev="' + evs + '"' : "") +
        (ent >= 0 ? ' data-ent="' + ent + '"' : "") + ">" + seg + "</span>");
    }
    var container = $("text");
    container.innerHTML = '<div class="para">' + out.join("") + "</div>";
    // long texts: paragraphs out of view skip layout (content-visibility)
    container.classList.toggle("long", paras.length > 40);
    textSpans = {};
    var spans = container.querySelectorAll("span[data-ev]");
    for (var q = 0; q < spans.length; q++) {
      var ids = spans[q].getAttribute("data-ev").split(" ");
      for (var r = 0; r < ids.length; r++) (textSpans[ids[r]] = textSpans[ids[r]] || []).push(spans[q]);
    }
    Object.keys(textSpans).forEach(function (i) { textSpans[i][0].tabIndex = -1; });
  }
  $("text").addEventListener("click", function (e) {
    var span = e.target.closest("span"); if (!span) return;
    if (span.hasAttribute("data-ent")) { setFilter(+span.getAttribute("data-ent")); return; }
    if (span.hasAttribute("data-ev")) {
      var evs = span.getAttribute("data-ev").split(" ").map(Number);
      var k = evs.indexOf(state.selected);
      select(evs[(k + 1) % evs.length], "text");
    }
  });
  var lit = [];
  function highlightText(i, scroll) {
    lit.forEach(function (s) { s.classList.remove("sel"); });
    lit = textSpans[i] || [];
    lit.forEach(function (s) { s.classList.add("sel"); });
    if (scroll && lit.length) {
      var box = $("text"), s = lit[0];
      var place = function () {
        box.scrollTop += s.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
      };
      place();
      // paragraphs that skipped layout get their real height once in view: place again
      requestAnimationFrame(place);
    }
  }

  /* ---------- map ---------- */
  var svg = $("map"), mapView = null, homeView = null, placeEvents = {};
  function mapInit() {
    var g = document.createElementNS(SVGNS, "g"); g.setAttribute("id", "basemap");
    var grat = document.createElementNS(SVGNS, "path"), d = "";
    for (var lon = -180; lon <= 180; lon += 30) d += "M" + lon * 10 + " -900V900";
    for (var lat = -60; lat <= 60; lat += 30) d += "M-1800 " + (-lat * 10) + "H1800";
    grat.setAttribute("d", d); grat.setAttribute("class", "grat"); g.appendChild(grat);
    svg.appendChild(g);
    g.insertAdjacentHTML("beforeend", BASEMAP.countries.map(function (c) {
      return '<path class="land" d="' + c.d + '"><title>' + esc(c.name) + "</title></path>";
    }).join(""));
    var layer = document.createElementNS(SVGNS, "g"); layer.setAttribute("id", "places"); svg.appendChild(layer);
    EV.forEach(function (ev, i) { if (ev.place >= 0) (placeEvents[ev.place] = placeEvents[ev.place] || []).push(i); });
    var xs = [], ys = [];
    ENT.forEach(function (en) { if (en.lat !== null) { xs.push(en.lon * 10); ys.push(-en.lat * 10); } });
    if (!xs.length) { homeView = [-1800, -900, 3600, 1800]; }
    else {
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var w = Math.max(x1 - x0, 200) * 1.5 + 200, h = Math.max(y1 - y0, 120) * 1.5 + 80;
      var ratio = (svg.clientWidth || 400) / (svg.clientHeight || 300);
      if (w / h < ratio) w = h * ratio; else h = w / ratio;
      homeView = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
    }
    mapView = homeView.slice(); setView();
    var drag = null;
    svg.addEventListener("pointerdown", function (e) { if (e.target.classList.contains("place")) return; drag = { x: e.clientX, y: e.clientY, v: mapView.slice() }; svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var k = mapView[2] / svg.clientWidth;
      mapView[0] = drag.v[0] - (e.clientX - drag.x) * k; mapView[1] = drag.v[1] - (e.clientY - drag.y) * k; setView();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("wheel", function (e) {
      var r = svg.getBoundingClientRect();
      mapZoom(Math.exp(e.deltaY * 0.0015), (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height); e.preventDefault();
    }, { passive: false });
  }
  function mapZoom(f, fx, fy) {
    var sel = state.selected >= 0 && EV[state.selected].place >= 0 ? ENT[EV[state.selected].place] : null;
    if (fx === undefined && sel && sel.lat !== null) {
      // the zoom buttons zoom around the chosen event's place when it is in view
      var sx = (sel.lon * 10 - mapView[0]) / mapView[2], sy = (-sel.lat * 10 - mapView[1]) / mapView[3];
      if (sx > 0 && sx < 1 && sy > 0 && sy < 1) { fx = sx; fy = sy; }
    }
    fx = fx === undefined ? .5 : fx; fy = fy === undefined ? .5 : fy;
    var w = Math.min(Math.max(mapView[2] * f, 40), 4000), h = w * mapView[3] / mapView[2];
    var cx = mapView[0] + mapView[2] * fx, cy = mapView[1] + mapView[3] * fy;
    mapView = [cx - w * fx, cy - h * fy, w, h]; setView();
  }
  function setView() { svg.setAttribute("viewBox", mapView.join(" ")); drawPlaces(); }
  function drawPlaces() {
    var layer = $("places"); if (!layer || !mapView) return;
    layer.textContent = "";
    var unit = mapView[2] / (svg.clientWidth || 400), showEv = {}, most = 1;
    Object.keys(placeEvents).forEach(function (k) { most = Math.max(most, placeEvents[k].length); });
    visible.forEach(function (i) { showEv[i] = true; });
    var selPlace = state.selected >= 0 ? EV[state.selected].place : -1;
    var order = [];
    ENT.forEach(function (en, k) { if (en.type === "LOC" && en.lat !== null) order.push(k); });
    order.sort(function (a, b) { return (placeEvents[b] || []).length - (placeEvents[a] || []).length; });
    order.forEach(function (k) {
      var en = ENT[k], evs = placeEvents[k] || [], shown = evs.filter(function (i) { return showEv[i]; }).length;
      var c = document.createElementNS(SVGNS, "circle");
      c.setAttribute("cx", en.lon * 10); c.setAttribute("cy", -en.lat * 10);
      c.setAttribute("r", String(unit * (4 + 12 * Math.sqrt(shown / most))));
      var cls = "place" + (k === selPlace ? " on" : "") + (k === state.filter ? " filt" : "") + (state.filter >= 0 && !shown && k !== state.filter ? " dim" : "");
      c.setAttribute("class", cls); c.setAttribute("tabindex", "0"); c.setAttribute("role", "button");
      c.setAttribute("data-ent", String(k));
      c.setAttribute("aria-label", en.text + ": " + evs.length + " " + t("events"));
      var title = document.createElementNS(SVGNS, "title"); title.textContent = en.text + " (" + evs.length + " " + t("events") + ")"; c.appendChild(title);
      layer.appendChild(c);
    });
    // labels: the selected place first, then by size, skipping any that would overlap
    var labelled = order.slice(0, 24), boxes = [];
    if (selPlace >= 0) labelled = [selPlace].concat(labelled.filter(function (k) { return k !== selPlace; }));
    labelled.forEach(function (k) {
      var en = ENT[k], size = unit * (k === selPlace ? 13 : 11);
      var bx = en.lon * 10 + unit * 8, by = -en.lat * 10 + unit * 4, bw = en.text.length * size * 0.62;
      var box = [bx, by - size, bx + bw, by + size * 0.3];
      if (boxes.some(function (o) { return box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]; })) return;
      boxes.push(box);
      var tx = document.createElementNS(SVGNS, "text");
      tx.setAttribute("x", bx); tx.setAttribute("y", by); tx.setAttribute("font-size", String(size));
      if (k === selPlace) tx.setAttribute("font-weight", "700");
      tx.textContent = en.text; layer.appendChild(tx);
    });
    $("map-empty").hidden = order.length > 0;
  }
  svg.addEventListener("click", function (e) { var k = e.target.getAttribute && e.target.getAttribute("data-ent"); if (k !== null && k !== undefined) setFilter(+k); });
  svg.addEventListener("keydown", function (e) {
    var k = e.target.getAttribute && e.target.getAttribute("data-ent");
    if (k !== null && (e.key === "Enter" || e.key === " ")) { setFilter(+k); e.preventDefault(); }
  });

  /* ---------- index ---------- */
  function renderIndex() {
    var groups = { PER: $("idx-per"), LOC: $("idx-loc"), ORG: $("idx-org") };
    Object.keys(groups).forEach(function (ty) {
      var ul = groups[ty], items = [];
      ENT.forEach(function (en, k) { if (en.type === ty) items.push(k); });
      items.sort(function (a, b) { return ENT[b].m.length - ENT[a].m.length || (ENT[a].text < ENT[b].text ? -1 : 1); });
      ul.textContent = "";
      items.forEach(function (k) {
        var li = document.createElement("li"), b = document.createElement("button");
        b.type = "button"; b.setAttribute("data-ent", String(k));
        b.setAttribute("aria-pressed", k === state.filter ? "true" : "false");
        b.innerHTML = '<span class="nm"></span><span class="n"></span>';
        b.firstChild.textContent = ENT[k].text; b.lastChild.textContent = String(ENT[k].m.length);
        b.title = ENT[k].m.length + " " + t("mentions");
        if (ty === "LOC" && ENT[k].lat === null) {
          // a place the gazetteer could not place with enough confidence: said, not pinned
          b.firstChild.textContent += " (?)"; b.title += " · " + t("unplaced");
        }
        li.appendChild(b); ul.appendChild(li);
      });
      if (!items.length) { var li = document.createElement("li"); li.textContent = "–"; li.className = "n"; ul.appendChild(li); }
    });
  }
  $("index").addEventListener("click", function (e) { var b = e.target.closest("button[data-ent]"); if (b) setFilter(+b.getAttribute("data-ent")); });

  /* ---------- selection ---------- */
  function select(i, from) {
    state.selected = i;
    var ev = EV[i], en = ev.place >= 0 ? ENT[ev.place] : null;
    if (en && en.lat !== null && mapView) {
      var px = en.lon * 10, py = -en.lat * 10, m = mapView[2] * 0.12;
      if (px < mapView[0] + m || px > mapView[0] + mapView[2] - m || py < mapView[1] + m || py > mapView[1] + mapView[3] - m) {
        mapView[0] = px - mapView[2] / 2; mapView[1] = py - mapView[3] / 2; setView();
      }
    }
    if (from !== "timeline") ensureVisibleOnTimeline(i);
    drawTimeline(); scrollListTo(i); renderList(false); highlightText(i, true); drawPlaces(); renderDetail();
    var r = window.chronist.selRect;
    if (r && from !== "timeline" && (r[1] < wrap.scrollTop || r[3] > wrap.scrollTop + wrap.clientHeight)) {
      wrap.scrollTop = r[1] - wrap.clientHeight / 2;
    }
    window.chronist.selected = ev.id;
    announce(ev.label + ", " + when(ev));
  }
  function renderDetail() {
    var box = $("detail"); box.textContent = "";
    if (state.selected < 0) return;
    var ev = EV[state.selected];
    var h = document.createElement("h3"); h.textContent = ev.label; box.appendChild(h);
    var meta = document.createElement("div"); meta.className = "meta";
    var bits = [when(ev), typeName(ev.type)];
    var named = ev.actors.filter(function (k) { return k !== ev.place; });
    if (named.length) bits.push(named.map(function (k) { return ENT[k].text; }).join(", "));
    if (ev.pname) bits.push(t("place") + ": " + ev.pname);
    bits.push(t("how") + ": " + t(ev.src || "unknown"));
    if (ev.conf !== null) bits.push(t("confidence") + " " + Math.round(ev.conf * 100) + " %");
    if (ev.hyp) bits.push(t("hypothetical"));
    bits.forEach(function (b) { var s = document.createElement("span"); s.textContent = b; meta.appendChild(s); });
    box.appendChild(meta);
  }
  function announce(msg) { $("live").textContent = msg; }

  /* ---------- language ---------- */
  function applyLang() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (el) {
      var s = t(el.getAttribute("data-i18n-label")); el.setAttribute("aria-label", s); el.title = s;
    });
    $("lang-btn").textContent = state.lang === "de" ? "English" : "Deutsch";
    $("lang-btn").setAttribute("lang", state.lang === "de" ? "en" : "de");
    var opts = $("lanes").options; opts[0].textContent = t("byType"); opts[1].textContent = t("byActor");
    renderLegend();
    $("summary").textContent = EV.length + " " + t("eventsN") + " · " + ENT.length + " " + t("names") +
      " · " + D.timexes.length + " " + t("timexes");
    showFilter(); renderList(true); drawTimeline(); drawPlaces(); renderIndex(); renderDetail();
  }
  function renderLegend() {
    var box = $("legend"); box.textContent = "";
    D.types.forEach(function (ty) {
      var s = document.createElement("span"), i = document.createElement("i");
      i.style.background = typeColor(ty); s.appendChild(i); s.appendChild(document.createTextNode(typeName(ty))); box.appendChild(s);
    });
    var marks = [
      ["exact", "background:#5d6670;border-radius:50%"],
      ["uncertain", "width:22px;background:rgba(93,102,112,.22);border:1px dashed #5d6670;box-shadow:inset 7px 0 0 -1px transparent"],
      ["open", "width:22px;background:linear-gradient(90deg,#5d6670,rgba(255,255,255,0))"]
    ];
    marks.forEach(function (x) {
      var s = document.createElement("span"), i = document.createElement("i");
      i.setAttribute("style", x[1]); s.appendChild(i); s.appendChild(document.createTextNode(t(x[0]))); box.appendChild(s);
    });
    var text = $("text-legend"); text.textContent = "";
    [["tx", "legendTimex", "#e3f0fb;border-bottom:2px solid #3d8fd1"], ["PER", "people", "#8a3ffc"], ["LOC", "places", "#198038"], ["ORG", "orgs", "#b28600"], ["ev", "legendEvent", "#eef1f4"]].forEach(function (x) {
      var s = document.createElement("span"), i = document.createElement("i");
      i.setAttribute("style", "background:" + x[2]); s.appendChild(i); s.appendChild(document.createTextNode(t(x[1]))); text.appendChild(s);
    });
  }
  $("lang-btn").addEventListener("click", function () { state.lang = state.lang === "de" ? "en" : "de"; applyLang(); });
  $("lanes").addEventListener("change", function (e) { state.lanes = e.target.value; drawTimeline(); });
  $("zoom-in").addEventListener("click", function () { zoom(0.6); });
  $("zoom-out").addEventListener("click", function () { zoom(1 / 0.6); });
  $("zoom-fit").addEventListener("click", function () { fit(); requestDraw(); });
  $("map-in").addEventListener("click", function () { mapZoom(0.6); });
  $("map-out").addEventListener("click", function () { mapZoom(1 / 0.6); });
  $("map-home").addEventListener("click", function () { mapView = homeView.slice(); setView(); });
  $("filter-clear").addEventListener("click", function () { setFilter(state.filter); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && state.filter >= 0) setFilter(state.filter); });
  window.addEventListener("resize", function () { requestDraw(); drawPlaces(); });

  /* ---------- start ---------- */
  window.chronist = { events: EV.length, drawn: 0, selected: null, ready: false,
    view: function (y0, y1) { state.v0 = y0; state.v1 = y1; clampView(); drawTimeline(); },
    lanes: function (mode) { state.lanes = mode; $("lanes").value = mode; drawTimeline(); },
    select: function (id) { for (var i = 0; i < EV.length; i++) if (EV[i].id === id) { select(i, "api"); return true; } return false; } };
  var t0 = performance.now();
  visible = EV.map(function (_, i) { return i; });
  var marks = [];
  function timed(name, fn) { var a = performance.now(); fn(); marks.push(name + ":" + Math.round(performance.now() - a)); }
  timed("text", renderText); timed("layout", function () { return document.body.offsetHeight; }); timed("map", mapInit); fit(); timed("lang", applyLang);
  window.chronist.marks = marks.join(" ");
  window.chronist.ready = true;
  window.chronist.startupMs = Math.round(performance.now() - t0);
  document.body.setAttribute("data-ready", "true");
})();
