/* chronist timeline page: timeline (canvas) with an overview strip, event list, text, map (SVG), index.
   Hand-written, no dependencies; reads its data from <script type="application/json"> blocks and
   builds every element with DOM APIs (no HTML strings: a saved timeline is untrusted input). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("chronist-data").textContent);
  var BASEMAP = JSON.parse(document.getElementById("chronist-basemap").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = "http://www.w3.org/2000/svg";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function str(v) { return v === null || v === undefined ? "" : String(v); }

  var I18N = {
    de: {
      timeline: "Zeitleiste", events: "Ereignisse", text: "Text", map: "Karte", index: "Verzeichnis",
      people: "Personen", places: "Orte", orgs: "Organisationen", lanes: "Spuren",
      byType: "nach Art", byActor: "nach Akteur", tlIn: "Zeitleiste hineinzoomen", tlOut: "Zeitleiste herauszoomen",
      tlFit: "Zeitleiste: alle Ereignisse zeigen", mapIn: "Karte hineinzoomen", mapOut: "Karte herauszoomen",
      mapFit: "Karte: alle Orte zeigen", filter: "Filter", clear: "Filter aufheben", undated: "ohne Datum",
      bc: "v. Chr.", ca: "um", of: "von", shown: "angezeigt", others: "andere",
      hint: "Mausrad blättert die Seite; Strg/⌘ + Mausrad, +/− oder die Knöpfe zoomen; ziehen oder ←/→ verschiebt; Klick wählt ein Ereignis, +N öffnet eine Gruppe.",
      touchHint: "Wischen blättert die Seite; zwei Finger zoomen; seitwärts ziehen verschiebt; Tippen wählt ein Ereignis, +N öffnet eine Gruppe.",
      listHint: "↑/↓ wählt, Enter springt zum Satz.",
      mapNote: "Kreise: Orte, Größe nach Zahl der Ereignisse; hohl: unsicherer Ort. Klick filtert.",
      lang: "Sprache", skip: "Zum Text springen", source: "Quelle", how: "Datierung",
      explicit: "Datum steht im Satz", bounded: "begrenzt durch", "reference-event": "über ein Bezugsereignis erschlossen",
      narrative: "aus dem Erzählfluss erschlossen", unknown: "Datierung unbekannt", hypothetical: "nicht als Tatsache berichtet",
      confidence: "Konfidenz", place: "Ort", noPlace: "Kein Ort mit Koordinaten", unplaced: "nicht auf der Karte: Ort nicht sicher bestimmt", uncertain: "unsichere Spanne",
      exact: "genau datiert", mentions: "Erwähnungen", legendTimex: "Zeitangabe",
      names: "Namen", timexes: "Zeitangaben", nobody: "(niemand genannt)",
      open: "offenes Ende", legendEvent: "Satz eines Ereignisses", eventsN: "Ereignisse",
      search: "Suchen (Ereignis, Person, Ort, Zitat)", searchLabel: "Ereignisse durchsuchen",
      types: "Arten", range: "Zeitraum", resetAll: "Alle Filter aufheben", overview: "Übersicht: ziehen wählt einen Zeitraum",
      implausible: "unplausible Spanne", placeUnsure: "unsicherer Ort", unresolved: "Orte ohne Koordinaten",
      before: "früher", after: "später", cluster: "Gruppe", zoomHere: "Hierhin zoomen", close: "Schließen",
      showText: "Im Text zeigen", detail: "Gewähltes Ereignis", downloads: "Herunterladen",
      extracted: "automatisch extrahiert von chronist", on: "am", quote: "Beleg",
      months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."],
      typeNames: { conflict: "Konflikt", diplomacy: "Diplomatie", leadership: "Führungswechsel", death: "Tod",
        economy: "Wirtschaft", culture: "Kultur", science: "Wissenschaft", politics: "Politik",
        disaster: "Katastrophe", movement: "Bewegung", law: "Recht", birth: "Geburt", event: "Ereignis",
        founding: "Gründung", treaty: "Vertrag", election: "Wahl", other: "Sonstiges" }
    },
    en: {
      timeline: "Timeline", events: "Events", text: "Text", map: "Map", index: "Index",
      people: "People", places: "Places", orgs: "Organisations", lanes: "Lanes",
      byType: "by type", byActor: "by actor", tlIn: "Zoom timeline in", tlOut: "Zoom timeline out",
      tlFit: "Timeline: show all events", mapIn: "Zoom map in", mapOut: "Zoom map out",
      mapFit: "Map: show all places", filter: "Filter", clear: "Clear filter", undated: "undated",
      bc: "BC", ca: "c.", of: "of", shown: "shown", others: "others",
      hint: "The wheel scrolls the page; Ctrl/⌘ + wheel, +/− or the buttons zoom; drag or ←/→ pans; click selects an event, +N opens a group.",
      touchHint: "Swipe scrolls the page; two fingers zoom; drag sideways pans; tap selects an event, +N opens a group.",
      listHint: "↑/↓ selects, Enter jumps to the sentence.",
      mapNote: "Circles: places, sized by number of events; hollow: uncertain place. Click filters.",
      lang: "Language", skip: "Skip to text", source: "Source", how: "Dated",
      explicit: "date stated in the sentence", bounded: "bounded by", "reference-event": "inferred from a related event",
      narrative: "inferred from the narrative", unknown: "dating unknown", hypothetical: "not stated as fact",
      confidence: "confidence", place: "Place", noPlace: "No place with coordinates", unplaced: "not on the map: place not identified with confidence", uncertain: "uncertain extent",
      exact: "exact date", mentions: "mentions", legendTimex: "date expression",
      names: "names", timexes: "date expressions", nobody: "(no one named)",
      open: "open end", legendEvent: "sentence of an event", eventsN: "events",
      search: "Search (event, person, place, quote)", searchLabel: "Search events",
      types: "Types", range: "Range", resetAll: "Clear all filters", overview: "Overview: drag to choose a date range",
      implausible: "implausible span", placeUnsure: "uncertain place", unresolved: "Places without coordinates",
      before: "earlier", after: "later", cluster: "Group", zoomHere: "Zoom here", close: "Close",
      showText: "Show in text", detail: "Chosen event", downloads: "Download",
      extracted: "extracted automatically by chronist", on: "on", quote: "Evidence",
      months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
      typeNames: {}
    }
  };
  /* type colours: >= 3:1 against the lanes' backgrounds, light and dark */
  var PALETTES = {
    light: ["#1f6fb0", "#c62828", "#2a7d2e", "#7b4fc0", "#b35900", "#00798a", "#8c564b", "#b03a8c",
      "#5f6368", "#6b6b00", "#393b79", "#4f6228"],
    dark: ["#6cb6ff", "#ff7b72", "#56d364", "#c297ff", "#ffa657", "#39c5cf", "#d8a48f", "#f778ba",
      "#aab3bd", "#d2c94b", "#a5b4fc", "#a3d977"]
  };
  var mqDark = window.matchMedia("(prefers-color-scheme: dark)");
  var mqForced = window.matchMedia("(forced-colors: active)");
  var mqCoarse = window.matchMedia("(pointer: coarse)");
  var theme = {};
  function readTheme() {
    var cs = getComputedStyle(document.documentElement);
    ["bg", "panel", "ink", "muted", "line", "lane0", "lane1", "axis", "grid", "gutter", "badge", "badge-ink", "sel-ring"].forEach(function (k) {
      theme[k] = cs.getPropertyValue("--" + k).trim() || "#000";
    });
    theme.palette = PALETTES[mqDark.matches ? "dark" : "light"];
    if (mqForced.matches) {
      // forced colours (Windows high contrast): the system's colours, one ink for every type
      theme.palette = ["CanvasText"];
      theme.bg = theme.panel = theme.lane0 = theme.lane1 = theme.gutter = "Canvas";
      theme.ink = theme.line = theme.axis = "CanvasText"; theme.muted = theme.grid = "GrayText";
      theme.badge = "ButtonText"; theme["badge-ink"] = "ButtonFace"; theme["sel-ring"] = "Highlight";
    }
  }

  var hashParams = parseHash();
  var search = new URLSearchParams(location.search);
  var wanted = hashParams.lang || search.get("lang");
  var state = {
    lang: I18N[wanted] ? wanted : (I18N[D.lang] ? D.lang : "en"),
    lanes: "type", filter: -1, selected: -1, v0: 0, v1: 1, q: "", hidden: {}, range: null
  };
  var EV = Array.isArray(D.events) ? D.events : [], ENT = Array.isArray(D.entities) ? D.entities : [];
  var TYPES = Array.isArray(D.types) ? D.types.map(str) : [];
  var visible = [];            // indices of events passing every filter (list order)
  var isVis = new Uint8Array(EV.length);
  var textSpans = {};          // event index -> span elements
  var frame = { hits: [], badges: [], edges: [], inView: 0, labelled: 0, clustered: 0, sel: null };

  function t(key) { return I18N[state.lang][key] || I18N.en[key] || key; }
  function typeName(ty) {
    var label = ((D.typeLabels || {})[ty] || {})[state.lang] || I18N[state.lang].typeNames[ty] || ty;
    label = str(label);
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  var typeIndex = {};
  TYPES.forEach(function (ty, k) { typeIndex[ty] = k; });
  function typeColor(ty) { var p = theme.palette; return p[(typeIndex[ty] || 0) % p.length]; }

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
    var e = str(ev.edtf), p = parsePlain(e);
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
    if (ev._f === null) return t("undated");
    var y0 = Math.floor(ev._f), y1 = Math.floor(ev._l);
    return y0 === y1 ? yearLabel(y0) : yearLabel(y0) + " – " + yearLabel(y1);
  }
  /* the date as the terminal shows it: "~" before a date that is not certain */
  function whenMarked(ev) { return (ev.fuzzy ? "~" : "") + when(ev); }
  function howWords(ev) {
    var src = str(ev.src) || "unknown";
    if (src === "bounded" && ev.tt) return t("bounded") + " „" + str(ev.tt) + "“";
    return I18N[state.lang][src] || I18N.en[src] || src;
  }
  function pct(v) { return typeof v === "number" && isFinite(v) ? Math.round(v * 100) + " %" : ""; }
  function isoOf(y) {
    if (typeof y !== "number" || !isFinite(y)) return null;
    var year = Math.floor(y), frac = y - year, month = Math.min(11, Math.floor(frac * 12));
    var day = Math.min(31, Math.max(1, Math.round((frac - month / 12) * 365.25) + 1));
    var sign = year < 0 ? "-" : "", ay = String(Math.abs(year));
    while (ay.length < 4) ay = "0" + ay;
    return sign + ay + "-" + (month < 9 ? "0" : "") + (month + 1) + "-" + (day < 10 ? "0" : "") + day;
  }

  /* ---------- the events, once ---------- */
  function num(v) { return typeof v === "number" && isFinite(v) ? v : null; }
  var dataLo = Infinity, dataHi = -Infinity;
  EV.forEach(function (ev, i) {
    var b = Array.isArray(ev.b) ? ev.b.map(num) : [null, null, null, null];
    while (b.length < 4) b.push(null);
    ev.b = b;
    ev.actors = Array.isArray(ev.actors) ? ev.actors.filter(function (k) { return ENT[k]; }) : [];
    ev.people = Array.isArray(ev.people) ? ev.people.filter(function (k) { return ENT[k]; }) : [];
    ev.place = ENT[ev.place] ? ev.place : -1;
    ev.label = str(ev.label); ev.type = str(ev.type); ev.id = str(ev.id);
    var f = null, l = null;
    for (var k = 0; k < 4; k++) if (b[k] !== null) { f = f === null ? b[k] : Math.min(f, b[k]); l = l === null ? b[k] : Math.max(l, b[k]); }
    ev._f = f; ev._l = l;
    ev._openEnd = b[2] === null && b[3] === null && f !== null;
    ev._openStart = b[0] === null && b[1] === null && f !== null;
    ev._mid = f === null ? null : (ev._openEnd ? f : ev._openStart ? l : (f + l) / 2);
    if (f !== null) { dataLo = Math.min(dataLo, f); dataHi = Math.max(dataHi, l); }
    var conf = num(ev.conf), n = typeof ev.n === "number" ? ev.n : 1;
    // merged and well-evidenced events first: more mentions, stated dates, named actors, a place
    ev._imp = (conf === null ? 0.5 : conf) + 0.4 * Math.min(n - 1, 5) + (ev.src === "explicit" ? 0.3 : 0) +
      0.08 * Math.min(ev.actors.length, 4) + (ev.place >= 0 ? 0.1 : 0) - (ev.hyp ? 0.5 : 0) - i * 1e-9;
    var quote = typeof ev.s === "number" && typeof ev.e === "number" ? str(D.text).slice(ev.s, ev.e) : "";
    ev._quote = quote;
    var names = ev.actors.map(function (k) { return str(ENT[k].text); }).join(" ");
    ev._hay = (ev.label + " " + names + " " + str(ev.pname) + " " + quote).toLowerCase();
  });
  if (dataLo === Infinity) { dataLo = 1900; dataHi = 2000; }
  var BYIMP = EV.map(function (_, i) { return i; }).sort(function (a, b) { return EV[b]._imp - EV[a]._imp; });
  /* where the events are: the shortest stretch of time holding 85 % of them, widened while
     that costs little; the rest is announced by the edge indicators */
  var home = (function () {
    var mids = [];
    EV.forEach(function (ev) { if (ev._mid !== null) mids.push(ev._mid); });
    if (!mids.length) return [1900, 2000];
    mids.sort(function (a, b) { return a - b; });
    var n = mids.length, m = n < 20 ? n : Math.ceil(0.85 * n), a = 0;
    for (var k = 1; k + m - 1 < n; k++) if (mids[k + m - 1] - mids[k] < mids[a + m - 1] - mids[a]) a = k;
    var lo = mids[a], hi = mids[a + m - 1], w = Math.max(hi - lo, 1);
    for (k = a - 1; k >= 0 && lo - mids[k] < 0.2 * w; k--) lo = mids[k];
    for (k = a + m; k < n && mids[k] - hi < 0.2 * w; k++) hi = mids[k];
    var pad = Math.max((hi - lo) * 0.04, 0.25);
    return [lo - pad, hi + pad];
  })();
  var robustExtent = home[1] - home[0];
  EV.forEach(function (ev) {
    // a span far longer than what the whole text covers, or than any one event lasts (80 years),
    // is more likely an extraction error than a fact
    ev._implausible = ev._f !== null && !ev._openEnd && !ev._openStart && (ev._l - ev._f) > Math.max(5, Math.min(1.5 * robustExtent, 80));
  });
  var extentPad = Math.max((dataHi - dataLo) * 0.03, 0.5);
  var limitLo = Math.min(dataLo - extentPad, home[0]), limitHi = Math.max(dataHi + extentPad, home[1]);

  /* ---------- filters ---------- */
  function involves(ev, ent) { return ev.place === ent || ev.actors.indexOf(ent) >= 0; }
  function passes(ev, skip) {
    if (skip !== "type" && state.hidden[ev.type]) return false;
    if (state.filter >= 0 && !involves(ev, state.filter)) return false;
    if (state.q && ev._hay.indexOf(state.q) < 0) return false;
    if (skip !== "range" && state.range && (ev._f === null || ev._l < state.range[0] || ev._f > state.range[1])) return false;
    return true;
  }
  var filterMarks = "";
  function applyFilter(keepView) {
    var t0 = performance.now(), times = [];
    var lap = function (name) { var now = performance.now(); times.push(name + ":" + Math.round(now - t0)); t0 = now; };
    visible = [];
    for (var i = 0; i < EV.length; i++) { var ok = passes(EV[i]); isVis[i] = ok ? 1 : 0; if (ok) visible.push(i); }
    computeLanes(); lap("filter");
    showFilter(); renderList(); lap("list"); renderLegend(); lap("legend");
    if (!keepView) drawTimeline(); else requestDraw();
    lap("timeline");
    drawOverview(); lap("overview"); drawPlaces(); lap("map"); renderIndex(); lap("index");
    filterMarks = times.join(" ");
  }
  function showFilter() {
    var chip = $("filter-chip");
    if (state.filter >= 0) { chip.hidden = false; $("filter-name").textContent = t("filter") + ": " + str(ENT[state.filter].text); }
    else chip.hidden = true;
    var rc = $("range-chip");
    if (state.range) { rc.hidden = false; $("range-name").textContent = t("range") + ": " + yearLabel(Math.floor(state.range[0])) + " – " + yearLabel(Math.floor(state.range[1])); }
    else rc.hidden = true;
    var any = state.filter >= 0 || state.range || state.q || Object.keys(state.hidden).some(function (k) { return state.hidden[k]; });
    $("reset-all").hidden = !any;
    $("count").textContent = visible.length === EV.length ? String(EV.length) : visible.length + " " + t("of") + " " + EV.length;
    $("count").setAttribute("data-count", String(visible.length));
  }
  function setFilter(ent) {
    state.filter = state.filter === ent ? -1 : ent;
    applyFilter();
    announce(state.filter >= 0 ? t("filter") + ": " + str(ENT[ent].text) + ", " + visible.length + " " + t("events") : t("clear"));
  }
  var searchTimer = 0;
  $("search").addEventListener("input", function (e) {
    clearTimeout(searchTimer);
    var value = e.target.value.trim().toLowerCase();
    searchTimer = setTimeout(function () { state.q = value; applyFilter(); announce(visible.length + " " + t("events")); }, EV.length > 3000 ? 120 : 0);
  });

  /* ---------- timeline (canvas) ---------- */
  var canvas = $("tl"), ctx = canvas.getContext("2d"), wrap = $("tl-wrap");
  var GUTTER = 112, AXIS = 30, ROW = 22, CELL = 4, OPEN = 60;
  var lanes = [], laneOfEv = new Int32Array(EV.length), labelWidth = new Float32Array(EV.length).fill(-1);
  function plotW() { return Math.max(40, canvas.clientWidth - GUTTER - 8); }
  function x(tv) { return GUTTER + (tv - state.v0) / (state.v1 - state.v0) * plotW(); }
  function tAt(px) { return state.v0 + (px - GUTTER) / plotW() * (state.v1 - state.v0); }
  function fitHome() { state.v0 = home[0]; state.v1 = home[1]; clampView(); }
  function fitAll() {
    var lo = Infinity, hi = -Infinity;
    visible.forEach(function (i) { var ev = EV[i]; if (ev._f !== null) { lo = Math.min(lo, ev._f); hi = Math.max(hi, ev._l); } });
    if (lo === Infinity) { fitHome(); return; }
    var pad = Math.max((hi - lo) * 0.03, 0.25);
    state.v0 = lo - pad; state.v1 = hi + pad; clampView();
  }
  /* zoom stops at the data's extent; the view never leaves it */
  function clampView() {
    var full = limitHi - limitLo;
    var span = Math.min(Math.max(state.v1 - state.v0, 7 / 365.25), full);
    var mid = (state.v0 + state.v1) / 2;
    mid = Math.min(Math.max(mid, limitLo + span / 2), limitHi - span / 2);
    state.v0 = mid - span / 2; state.v1 = mid + span / 2;
  }
  function zoom(factor, atPx) {
    var at = atPx === undefined ? (state.v0 + state.v1) / 2 : tAt(atPx);
    state.v0 = at - (at - state.v0) * factor; state.v1 = at + (state.v1 - at) * factor;
    clampView(); requestDraw();
  }
  function pan(fraction) { var d = (state.v1 - state.v0) * fraction; state.v0 += d; state.v1 += d; clampView(); requestDraw(); }
  function ticks() {
    var span = state.v1 - state.v0, w = plotW();
    // at least three ticks at any width, about one per 110 px
    var target = span / Math.max(4, w / 110);
    var steps = [1 / 365.25, 2 / 365.25, 7 / 365.25, 14 / 365.25, 1 / 12, 2 / 12, 3 / 12, 6 / 12, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
    var step = steps[0];
    for (var i = steps.length - 1; i >= 0; i--) if (steps[i] <= target) { step = steps[i]; break; }
    var out = [];
    if (step >= 1) {
      // ticks on historical years: 100 BC sits at astronomical -99, there is no year 0
      var k0 = Math.floor(state.v0 / step) - 1, k1 = Math.ceil(state.v1 / step) + 1;
      for (var k = k0; k <= k1; k++) {
        var h = k * step; if (h === 0) continue;
        out.push([h > 0 ? h : h + 1, h > 0 ? String(h) : (-h) + " " + t("bc")]);
      }
    } else if (step >= 1 / 12) {
      var months = Math.round(step * 12), m0 = Math.floor(state.v0 * 12 / months) * months;
      for (var m = m0; m / 12 <= state.v1 + step; m += months) {
        var yr = Math.floor(m / 12), mo = ((m % 12) + 12) % 12;
        out.push([m / 12, mo === 0 ? yearLabel(yr) : t("months")[mo] + " " + (w < 500 ? "" : yearLabel(yr))]);
      }
    } else {
      var days = Math.round(step * 365.25), y0 = Math.floor(state.v0);
      for (var yy = y0; yy <= Math.floor(state.v1); yy++) {
        for (var mm = 0; mm < 12; mm++) {
          for (var dd = 1; dd <= 28; dd += days) {
            var tv = yy + mm / 12 + (dd - 1) / 365.25;
            if (tv < state.v0 - step || tv > state.v1 + step) continue;
            out.push([tv, dd + (state.lang === "de" ? ". " : " ") + t("months")[mm]]);
          }
        }
        if (out.length > 400) break;
      }
    }
    return out;
  }
  function laneKey(ev) {
    if (state.lanes === "type") return typeName(ev.type);
    return ev.people.length ? str(ENT[ev.people[0]].text) : t("nobody");
  }
  function computeLanes() {
    var count = {}, keys = new Array(EV.length);
    visible.forEach(function (i) { if (EV[i]._f === null) return; var k = laneKey(EV[i]); keys[i] = k; count[k] = (count[k] || 0) + 1; });
    var names = Object.keys(count).sort(function (a, b) { return count[b] - count[a] || (a < b ? -1 : 1); });
    if (state.lanes === "actor" && names.length > 12) names = names.slice(0, 11).concat([t("others")]);
    var pos = {};
    names.forEach(function (n, k) { pos[n] = k; });
    var other = names.length - 1;
    visible.forEach(function (i) { if (keys[i] !== undefined) laneOfEv[i] = pos[keys[i]] !== undefined ? pos[keys[i]] : other; });
    lanes = names;
  }
  /* a long label is cut at a word to fit MAXLABEL px (the full one is in the tooltip and detail) */
  var labelText = new Array(EV.length), MAXLABEL = 190, labelMax = 0;
  function labelW(i) {
    if (labelWidth[i] < 0) {
      var full = EV[i].label, w = ctx.measureText(full).width, text = full;
      if (w > MAXLABEL) {
        var words = full.split(" "), cut = "";
        for (var k = 0; k < words.length; k++) {
          var next = cut ? cut + " " + words[k] : words[k];
          if (ctx.measureText(next + "…").width > MAXLABEL) break;
          cut = next;
        }
        if (!cut) { cut = full; while (cut.length > 4 && ctx.measureText(cut + "…").width > MAXLABEL) cut = cut.slice(0, -2); }
        text = cut + "…"; w = ctx.measureText(text).width;
      }
      labelText[i] = text; labelWidth[i] = w;
    }
    return labelWidth[i];
  }
  var drawPending = false;
  function requestDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(function () { drawPending = false; drawTimeline(); drawOverview(); });
  }
  /* the layout of one frame: events in view, most important first, each with its label in the
     first row of its lane where it fits; what does not fit goes into a "+N" badge */
  function layout(width) {
    var maxLabel = width < 520 ? 130 : 190;
    if (maxLabel !== labelMax) { labelMax = MAXLABEL = maxLabel; labelWidth.fill(-1); }
    var W = width - GUTTER - 8, scale = W / (state.v1 - state.v0), v0 = state.v0, v1 = state.v1;
    var inLane = new Int32Array(lanes.length), total = 0, inView = [];
    for (var q = 0; q < BYIMP.length; q++) {
      var i = BYIMP[q];
      if (!isVis[i]) continue;
      var ev = EV[i];
      if (ev._f === null) continue;
      var lo = ev._f, hi = ev._implausible ? ev._f : ev._l;
      if (ev._openStart) lo -= OPEN / scale;
      if (ev._openEnd) hi += OPEN / scale;
      if (hi < v0 || lo > v1) continue;
      inView.push(i); inLane[laneOfEv[i]]++; total++;
    }
    var budget = width < 520 ? 14 : 22, minRows = width < 520 ? 1 : 3, rowsOf = [];
    for (var L = 0; L < lanes.length; L++) {
      // every lane gets a few rows, the busy ones more, packed to what is in view
      rowsOf.push(inLane[L] ? Math.min(8, inLane[L], Math.max(minRows, Math.round(budget * inLane[L] / Math.max(total, 1)))) : 0);
    }
    var cells = Math.ceil(width / CELL) + 2, grids = [];
    for (L = 0; L < lanes.length; L++) {
      var g = [];
      for (var r = 0; r < rowsOf[L]; r++) g.push(new Uint8Array(cells));
      grids.push(g);
    }
    var placed = [], clustered = [], usedRows = new Int32Array(lanes.length), misses = new Int32Array(lanes.length);
    var minX = GUTTER, maxX = width - 4;
    ctx.font = "12px system-ui, sans-serif";
    for (q = 0; q < inView.length; q++) {
      i = inView[q]; ev = EV[i]; L = laneOfEv[i];
      // a lane whose rows missed 300 times in a row is full: the rest go straight to badges
      if (misses[L] > 300) { clustered.push(i); continue; }
      var x0 = GUTTER + (ev._f - v0) * scale, x1 = GUTTER + ((ev._implausible ? ev._f : ev._l) - v0) * scale;
      if (x1 - x0 < 10) { var c = (x0 + x1) / 2; x0 = c - 5; x1 = c + 5; }
      if (ev._openEnd) x1 += OPEN; if (ev._openStart) x0 -= OPEN;
      var lw = labelW(i), cx0 = Math.max(x0, minX), cx1 = Math.min(x1, maxX), mode, a, b2;
      if (cx1 - cx0 >= lw + 12) { mode = "inside"; a = cx0; b2 = cx1; }
      else if (x1 + 6 + lw <= maxX) { mode = "right"; a = Math.max(x0, minX); b2 = x1 + 6 + lw + 4; }
      else if (x0 - 6 - lw >= minX) { mode = "left"; a = x0 - 6 - lw - 4; b2 = Math.min(x1, maxX); }
      else { clustered.push(i); continue; }
      var ca = Math.max(0, Math.floor(a / CELL)), cb = Math.min(cells - 1, Math.ceil(b2 / CELL)), row = -1;
      var gl = grids[L];
      for (r = 0; r < gl.length && row < 0; r++) {
        var free = true, G = gl[r];
        for (var cc = ca; cc <= cb; cc++) if (G[cc]) { free = false; break; }
        if (free) row = r;
      }
      if (row < 0) { clustered.push(i); misses[L]++; continue; }
      misses[L] = 0;
      G = gl[row];
      for (cc = ca; cc <= cb; cc++) G[cc] = 1;
      usedRows[L] = Math.max(usedRows[L], row + 1);
      placed.push({ i: i, x0: x0, x1: x1, row: row, mode: mode, lane: L });
    }
    // badges: what did not fit, per lane, in bins of 44 px along the axis
    var BIN = 44, nb = Math.ceil(width / BIN) + 1, bins = {};
    clustered.forEach(function (i) {
      var ev = EV[i], L = laneOfEv[i];
      var mid = GUTTER + ((ev._implausible ? ev._f : (ev._openEnd ? ev._f : ev._openStart ? ev._l : (ev._f + ev._l) / 2)) - v0) * scale;
      mid = Math.min(Math.max(mid, minX + 2), maxX - 2);
      var key = L * nb + Math.floor((mid - GUTTER) / BIN), bin = bins[key];
      if (!bin) bin = bins[key] = { lane: L, items: [], xs: 0 };
      bin.items.push(i); bin.xs += mid;
    });
    var raw = Object.keys(bins).map(function (k) {
      var bn = bins[k];
      return { lane: bn.lane, items: bn.items, xs: bn.xs, x: Math.min(Math.max(bn.xs / bn.items.length, GUTTER + 18), width - 24) };
    }).sort(function (a, b) { return a.lane - b.lane || a.x - b.x; });
    // neighbouring badges that would touch become one
    var badges = [];
    raw.forEach(function (bg) {
      var prev = badges[badges.length - 1];
      if (prev && prev.lane === bg.lane && bg.x - prev.x < 40) {
        prev.items = prev.items.concat(bg.items); prev.xs += bg.xs;
        prev.x = Math.min(Math.max(prev.xs / prev.items.length, GUTTER + 18), width - 24);
      } else badges.push(bg);
    });
    var hasBadge = new Uint8Array(lanes.length);
    badges.forEach(function (bg) { hasBadge[bg.lane] = 1; });
    return { placed: placed, badges: badges, inView: inView.length, usedRows: usedRows, hasBadge: hasBadge, inLane: inLane, clustered: clustered.length };
  }
  var wrapWidth = 0; // read once and on resize, so a redraw never waits for the page's layout
  function drawTimeline() {
    var width = wrapWidth || (wrapWidth = wrap.clientWidth), dpr = window.devicePixelRatio || 1;
    if (!width) return;
    GUTTER = width < 520 ? 70 : 112;
    var Lay = layout(width);
    var laneTop = [], laneH = [], y = AXIS + 8;
    lanes.forEach(function (_, L) {
      var rows = Lay.usedRows[L] + (Lay.hasBadge[L] ? 1 : 0);
      laneTop.push(y);
      laneH.push(rows ? rows * ROW + 6 : 0);
      y += rows ? rows * ROW + 10 : 0;
    });
    var height = Math.max(y + 6, 120);
    if (canvas.style.height !== height + "px") canvas.style.height = height + "px";
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.panel; ctx.fillRect(0, 0, width, height);
    ctx.font = "12px system-ui, sans-serif"; ctx.textBaseline = "middle";
    lanes.forEach(function (_, L) {
      if (!laneH[L]) return;
      ctx.fillStyle = L % 2 ? theme.lane1 : theme.lane0; ctx.fillRect(0, laneTop[L] - 4, width, laneH[L]);
    });
    // axis and grid: the tick labels inside the canvas
    ctx.fillStyle = theme.panel; ctx.fillRect(0, 0, width, AXIS);
    ctx.strokeStyle = theme.line; ctx.beginPath(); ctx.moveTo(0, AXIS + .5); ctx.lineTo(width, AXIS + .5); ctx.stroke();
    var tickCount = 0, before = 0, after = 0;
    for (var k = 0; k < visible.length; k++) {
      var ev = EV[visible[k]]; if (ev._f === null) continue;
      if (ev._l < state.v0 && !ev._openEnd) before++; else if (ev._f > state.v1) after++;
    }
    var la = after + " ▶", wa = after ? ctx.measureText(la).width + 16 : 0;
    ticks().forEach(function (tk) {
      var px = Math.round(x(tk[0])) + .5;
      if (px < GUTTER || px > width - 4) return;
      if (after && px + ctx.measureText(tk[1]).width + 4 > width - wa - 4) return;
      ctx.strokeStyle = theme.grid; ctx.beginPath(); ctx.moveTo(px, AXIS); ctx.lineTo(px, height); ctx.stroke();
      ctx.strokeStyle = theme.axis; ctx.beginPath(); ctx.moveTo(px, AXIS - 6); ctx.lineTo(px, AXIS); ctx.stroke();
      var tw = ctx.measureText(tk[1]).width, tx = Math.min(px + 3, width - tw - 2);
      ctx.fillStyle = theme.muted; ctx.fillText(tk[1], tx, AXIS / 2 - 2);
      tickCount++;
    });
    canvas.setAttribute("data-ticks", String(tickCount));
    // events with their labels
    var hits = [], sel = null;
    Lay.placed.forEach(function (p) {
      var i = p.i, ev = EV[i], top = laneTop[p.lane] + p.row * ROW, mid = top + ROW / 2 - 1;
      var x0 = p.x0, x1 = p.x1, col = typeColor(ev.type), b = ev.b;
      ctx.globalAlpha = ev.hyp ? 0.5 : 1;
      if (ev._implausible) {
        // an implausible span: a point at its start, a dashed stub and a "?" instead of a full bar
        var cxp = x(ev._f);
        ctx.strokeStyle = col; ctx.setLineDash([2, 3]); ctx.beginPath(); ctx.moveTo(cxp, mid); ctx.lineTo(cxp + 24, mid); ctx.stroke(); ctx.setLineDash([]);
        ctx.fillStyle = col; ctx.beginPath(); ctx.arc(cxp, mid, 5, 0, Math.PI * 2); ctx.fill();
        ctx.fillStyle = theme.ink; ctx.font = "bold 11px system-ui, sans-serif"; ctx.fillText("?", cxp + 26, mid); ctx.font = "12px system-ui, sans-serif";
      } else {
        var full0 = x(ev._f), full1 = x(ev._l);
        if (ev._openEnd || ev._openStart) {
          var right = ev._openEnd, a0 = right ? full1 : full0 - OPEN, a1 = right ? full1 + OPEN : full0;
          var grad = ctx.createLinearGradient(a0, 0, a1, 0);
          grad.addColorStop(right ? 0 : 1, col); grad.addColorStop(right ? 1 : 0, "rgba(128,128,128,0)");
          ctx.globalAlpha = ev.hyp ? 0.25 : 0.6; ctx.fillStyle = grad; ctx.fillRect(a0, mid - 5, a1 - a0, 10);
          ctx.globalAlpha = ev.hyp ? 0.5 : 1;
        }
        var hasCore = b[1] !== null && b[2] !== null && b[1] <= b[2];
        var core0 = hasCore ? x(b[1]) : full0, core1 = hasCore ? x(b[2]) : full1;
        ctx.fillStyle = col;
        if (full1 - full0 >= 10) {
          ctx.globalAlpha *= 0.25; ctx.fillRect(full0, mid - 7, full1 - full0, 14); ctx.globalAlpha = ev.hyp ? 0.5 : 1;
          if (core1 - core0 >= 2 && (core0 > full0 + 1 || core1 < full1 - 1 || !ev.fuzzy)) ctx.fillRect(core0, mid - 5, core1 - core0, 10);
          else if (core1 - core0 < 2) ctx.fillRect(core0 - 1, mid - 7, 3, 14);
          if (ev.fuzzy) { ctx.strokeStyle = col; ctx.setLineDash([3, 3]); ctx.strokeRect(full0 + .5, mid - 6.5, full1 - full0 - 1, 13); ctx.setLineDash([]); }
        } else {
          var cx = (full0 + full1) / 2;
          ctx.beginPath(); ctx.arc(cx, mid, 5, 0, Math.PI * 2); ctx.fill();
          if (ev.fuzzy) { ctx.strokeStyle = col; ctx.beginPath(); ctx.arc(cx, mid, 8, 0, Math.PI * 2); ctx.stroke(); }
        }
      }
      var lw = labelWidth[i], lx;
      if (p.mode === "inside") lx = Math.max(x0, GUTTER) + 6;
      else if (p.mode === "left") lx = x0 - 6 - lw;
      else lx = (ev._implausible ? x(ev._f) + 36 : x1 + 6);
      ctx.globalAlpha = 1;
      if (p.mode === "inside") { ctx.fillStyle = theme.panel; ctx.globalAlpha = 0.85; ctx.fillRect(lx - 3, mid - 7, lw + 6, 14); ctx.globalAlpha = 1; }
      ctx.fillStyle = ev.hyp ? theme.muted : theme.ink;
      ctx.fillText(labelText[i], lx, mid + 1);
      var hx0 = Math.min(x0, lx) - 3, hx1 = Math.max(x1, lx + lw) + 3;
      hits.push([hx0, top, hx1, top + ROW, i]);
      if (i === state.selected) sel = [hx0, top, hx1, top + ROW];
    });
    // "+N" badges for what did not fit
    var badges = [];
    ctx.font = "600 11px system-ui, sans-serif";
    Lay.badges.forEach(function (bg) {
      var top = laneTop[bg.lane] + Lay.usedRows[bg.lane] * ROW, mid = top + ROW / 2 - 1;
      var label = "+" + bg.items.length, w = ctx.measureText(label).width + 12;
      var bx = Math.min(Math.max(bg.x - w / 2, GUTTER + 1), width - w - 2);
      ctx.fillStyle = theme.badge; roundRect(bx, mid - 8, w, 16, 8); ctx.fill();
      ctx.fillStyle = theme["badge-ink"]; ctx.fillText(label, bx + 6, mid + 1);
      badges.push({ box: [bx, mid - 9, bx + w, mid + 9], items: bg.items });
      if (bg.items.indexOf(state.selected) >= 0) sel = [bx, top, bx + w, top + ROW];
    });
    ctx.font = "12px system-ui, sans-serif";
    if (sel) { ctx.strokeStyle = theme["sel-ring"]; ctx.lineWidth = 2; ctx.strokeRect(sel[0] - 1, sel[1] + 1, sel[2] - sel[0] + 2, ROW - 4); ctx.lineWidth = 1; }
    // lane names in a gutter over everything
    ctx.fillStyle = theme.gutter; ctx.fillRect(0, AXIS + 1, GUTTER - 4, height);
    ctx.fillStyle = theme.ink; ctx.font = "600 12px system-ui, sans-serif";
    lanes.forEach(function (lane, L) {
      if (!laneH[L]) return;
      var room = GUTTER < 100 ? 9 : 15, label = lane.length > room ? lane.slice(0, room - 1) + "…" : lane;
      ctx.fillText(label, 6, laneTop[L] + ROW / 2);
    });
    // edge indicators: how many events lie outside the view, on each side
    var edges = [];
    ctx.font = "600 11px system-ui, sans-serif";
    if (before) {
      var lb = "◀ " + before, wb = ctx.measureText(lb).width + 12;
      ctx.fillStyle = theme.badge; roundRect(2, 6, wb, 18, 9); ctx.fill();
      ctx.fillStyle = theme["badge-ink"]; ctx.fillText(lb, 8, 15);
      edges.push([2, 4, 2 + wb, 26, -1]);
    }
    if (after) {
      wa = ctx.measureText(la).width + 12;
      ctx.fillStyle = theme.badge; roundRect(width - wa - 2, 6, wa, 18, 9); ctx.fill();
      ctx.fillStyle = theme["badge-ink"]; ctx.fillText(la, width - wa + 4, 15);
      edges.push([width - wa - 2, 4, width - 2, 26, 1]);
    }
    canvas.title = (before ? before + " " + t("before") : "") + (before && after ? ", " : "") + (after ? after + " " + t("after") : "");
    ctx.font = "12px system-ui, sans-serif";
    frame = { hits: hits, badges: badges, edges: edges, inView: Lay.inView, labelled: Lay.placed.length, clustered: Lay.clustered, sel: sel, before: before, after: after };
    var dated = 0;
    for (k = 0; k < visible.length; k++) if (EV[visible[k]]._f !== null) dated++;
    canvas.setAttribute("data-events", String(dated));
    canvas.setAttribute("aria-label", t("timeline") + ": " + Lay.inView + " " + t("events") + ", " +
      yearLabel(Math.floor(state.v0)) + " – " + yearLabel(Math.floor(state.v1)));
  }
  function roundRect(x0, y0, w, h, r) {
    ctx.beginPath(); ctx.moveTo(x0 + r, y0); ctx.arcTo(x0 + w, y0, x0 + w, y0 + h, r); ctx.arcTo(x0 + w, y0 + h, x0, y0 + h, r);
    ctx.arcTo(x0, y0 + h, x0, y0, r); ctx.arcTo(x0, y0, x0 + w, y0, r); ctx.closePath();
  }
  function inBox(b, px, py) { return px >= b[0] && px <= b[2] && py >= b[1] && py <= b[3]; }
  function hitAt(px, py) {
    for (var k = 0; k < frame.edges.length; k++) if (inBox(frame.edges[k], px, py)) return { edge: frame.edges[k][4] };
    for (k = 0; k < frame.badges.length; k++) if (inBox(frame.badges[k].box, px, py)) return { badge: frame.badges[k] };
    for (k = frame.hits.length - 1; k >= 0; k--) if (inBox(frame.hits[k], px, py)) return { ev: frame.hits[k][4] };
    return null;
  }
  function activate(h, clientX, clientY) {
    if (!h) return;
    if (h.ev !== undefined) select(h.ev, "timeline");
    else if (h.badge) openCluster(h.badge, clientX, clientY);
    else if (h.edge) { fitAll(); requestDraw(); }
  }
  (function timelineInput() {
    var drag = null, pointers = {}, pinch = null;
    canvas.addEventListener("pointerdown", function (e) {
      pointers[e.pointerId] = e.clientX;
      var ids = Object.keys(pointers);
      if (ids.length === 2) { pinch = { d: Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1, v0: state.v0, v1: state.v1 }; drag = null; }
      else drag = { x: e.clientX, y: e.clientY, v0: state.v0, v1: state.v1, moved: false, id: e.pointerId };
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
        if (!drag.moved && Math.abs(dx) > 4 && Math.abs(dx) > Math.abs(e.clientY - drag.y)) {
          drag.moved = true; canvas.classList.add("dragging");
          try { canvas.setPointerCapture(drag.id); } catch (err) { /* the pointer is gone */ }
        }
        if (drag.moved) {
          var dt = dx / plotW() * (drag.v1 - drag.v0);
          state.v0 = drag.v0 - dt; state.v1 = drag.v1 - dt; clampView(); requestDraw();
        }
        return;
      }
      var r = canvas.getBoundingClientRect(), h = hitAt(e.clientX - r.left, e.clientY - r.top);
      canvas.style.cursor = h ? "pointer" : "grab";
      tip(h && h.ev !== undefined ? EV[h.ev].label + " — " + whenMarked(EV[h.ev]) : h && h.badge ? t("cluster") + ": " + h.badge.items.length + " " + t("events") : null, e.clientX, e.clientY);
    });
    function up(e) {
      delete pointers[e.pointerId];
      if (pinch) { if (Object.keys(pointers).length < 2) pinch = null; drag = null; return; }
      if (drag && !drag.moved && e.type === "pointerup") {
        var r = canvas.getBoundingClientRect();
        activate(hitAt(e.clientX - r.left, e.clientY - r.top), e.clientX, e.clientY);
      }
      drag = null; canvas.classList.remove("dragging");
    }
    canvas.addEventListener("pointerup", up);
    canvas.addEventListener("pointercancel", up);
    canvas.addEventListener("pointerleave", function () { tip(null); });
    // the wheel scrolls the page; Ctrl/⌘ + wheel (and a trackpad pinch) zooms; a sideways swipe pans
    canvas.addEventListener("wheel", function (e) {
      var r = canvas.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) { zoom(Math.exp(e.deltaY * 0.002), e.clientX - r.left); e.preventDefault(); return; }
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY) * 1.5) { pan(e.deltaX / 800); e.preventDefault(); }
    }, { passive: false });
    canvas.addEventListener("dblclick", function (e) {
      var r = canvas.getBoundingClientRect(); zoom(e.shiftKey ? 2 : 0.5, e.clientX - r.left);
    });
    canvas.addEventListener("keydown", function (e) {
      var k = e.key;
      if (k === "ArrowLeft") pan(-0.1); else if (k === "ArrowRight") pan(0.1);
      else if (k === "+" || k === "=") zoom(0.7); else if (k === "-" || k === "_") zoom(1 / 0.7);
      else if (k === "Home" || k === "0") { fitHome(); requestDraw(); }
      else if (k === "ArrowDown" || k === "ArrowUp") { step(k === "ArrowUp" ? -1 : 1); }
      else if (k === "Enter" && state.selected >= 0) showInText();
      else return;
      e.preventDefault();
    });
  })();
  function tip(text, cx, cy) {
    var box = $("tip");
    if (!text) { box.style.display = "none"; return; }
    box.textContent = text; box.style.display = "block";
    box.style.left = Math.max(4, Math.min(cx + 14, window.innerWidth - box.offsetWidth - 8)) + "px";
    box.style.top = (cy + 16) + "px";
  }
  function ensureVisibleOnTimeline(i) {
    var ev = EV[i]; if (ev._f === null) return;
    var a = ev._f, b = ev._implausible ? ev._f : ev._l, span = state.v1 - state.v0;
    if (b - a > span * 0.9) { state.v0 = a - (b - a) * 0.1; state.v1 = b + (b - a) * 0.1; }
    else if (a < state.v0 || b > state.v1) { var c = (a + b) / 2; state.v0 = c - span / 2; state.v1 = c + span / 2; }
    clampView();
  }
  /* a "+N" badge opens a list of its events */
  var pop = $("cluster-pop");
  function openCluster(badge, clientX, clientY) {
    pop.textContent = "";
    var head = el("div", "pop-head");
    head.appendChild(el("strong", "", t("cluster") + ": " + badge.items.length + " " + t("events")));
    var zoomBtn = el("button", "", t("zoomHere")); zoomBtn.type = "button";
    zoomBtn.addEventListener("click", function () {
      var lo = Infinity, hi = -Infinity;
      badge.items.forEach(function (i) { lo = Math.min(lo, EV[i]._f); hi = Math.max(hi, EV[i]._implausible ? EV[i]._f : EV[i]._l); });
      var pad = Math.max((hi - lo) * 0.2, 2 / 365.25);
      state.v0 = lo - pad; state.v1 = hi + pad; clampView(); closeCluster(); requestDraw();
    });
    var closeBtn = el("button", "", "✕"); closeBtn.type = "button"; closeBtn.setAttribute("aria-label", t("close"));
    closeBtn.addEventListener("click", closeCluster);
    head.appendChild(zoomBtn); head.appendChild(closeBtn); pop.appendChild(head);
    var ul = el("ul");
    badge.items.slice().sort(function (a, b) { return EV[a]._f - EV[b]._f; }).slice(0, 200).forEach(function (i) {
      var li = el("li"), b = el("button");
      b.type = "button"; b.setAttribute("data-i", String(i));
      b.appendChild(el("span", "when", whenMarked(EV[i]))); b.appendChild(el("span", "lbl", EV[i].label));
      b.addEventListener("click", function () { closeCluster(); select(i, "cluster"); });
      li.appendChild(b); ul.appendChild(li);
    });
    pop.appendChild(ul);
    pop.setAttribute("aria-label", t("cluster") + ": " + badge.items.length + " " + t("events"));
    pop.hidden = false;
    var wr = wrap.getBoundingClientRect(), px = (clientX || wr.left + badge.box[0]) - wr.left;
    var py = badge.box[3] + 4;
    pop.style.left = Math.max(4, Math.min(px - 20, wrap.clientWidth - pop.offsetWidth - 4)) + "px";
    pop.style.top = py + "px";
    var firstBtn = pop.querySelector("li button"); if (firstBtn) firstBtn.focus();
  }
  function closeCluster() { if (!pop.hidden) { pop.hidden = true; canvas.focus({ preventScroll: true }); } }
  pop.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { closeCluster(); e.preventDefault(); e.stopPropagation(); }
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      var all = Array.prototype.slice.call(pop.querySelectorAll("li button")), k = all.indexOf(document.activeElement);
      var next = all[Math.max(0, Math.min(all.length - 1, k + (e.key === "ArrowDown" ? 1 : -1)))];
      if (next) next.focus(); e.preventDefault();
    }
  });

  /* ---------- overview strip with a date-range brush ---------- */
  var ov = $("overview"), octx = ov.getContext("2d"), ovWidth = 0;
  function ovX(tv, w) { return 4 + (tv - limitLo) / (limitHi - limitLo) * (w - 8); }
  function ovT(px, w) { return limitLo + (px - 4) / (w - 8) * (limitHi - limitLo); }
  function drawOverview() {
    var w = ovWidth || (ovWidth = ov.clientWidth), h = 40, dpr = window.devicePixelRatio || 1;
    if (!w) return;
    if (ov.width !== Math.round(w * dpr)) { ov.width = Math.round(w * dpr); ov.height = Math.round(h * dpr); }
    octx.setTransform(dpr, 0, 0, dpr, 0, 0);
    octx.fillStyle = theme.panel; octx.fillRect(0, 0, w, h);
    var n = Math.max(10, Math.floor((w - 8) / 3)), counts = new Int32Array(n), most = 1;
    for (var i = 0; i < EV.length; i++) {
      var ev = EV[i]; if (ev._mid === null || !passes(ev, "range")) continue;
      var k = Math.floor((ev._mid - limitLo) / (limitHi - limitLo) * n);
      if (k >= 0 && k < n) { counts[k]++; if (counts[k] > most) most = counts[k]; }
    }
    octx.fillStyle = theme.muted;
    for (k = 0; k < n; k++) if (counts[k]) {
      var bh = Math.max(2, Math.sqrt(counts[k] / most) * (h - 10));
      octx.fillRect(4 + k * (w - 8) / n, h - 2 - bh, Math.max(1, (w - 8) / n - 1), bh);
    }
    if (state.range) {
      var r0 = ovX(state.range[0], w), r1 = ovX(state.range[1], w);
      octx.fillStyle = "rgba(224,168,0,.28)"; octx.fillRect(r0, 0, r1 - r0, h);
    }
    var v0 = ovX(state.v0, w), v1 = ovX(state.v1, w);
    octx.strokeStyle = theme["sel-ring"]; octx.lineWidth = 2; octx.strokeRect(v0, 1, Math.max(2, v1 - v0), h - 2); octx.lineWidth = 1;
    ov.setAttribute("aria-valuenow", String(Math.round(((state.v0 + state.v1) / 2 - limitLo) / (limitHi - limitLo) * 100)));
    ov.setAttribute("aria-valuetext", yearLabel(Math.floor(state.v0)) + " – " + yearLabel(Math.floor(state.v1)));
  }
  (function overviewInput() {
    var brush = null;
    ov.addEventListener("pointerdown", function (e) {
      var r = ov.getBoundingClientRect(); brush = { x: e.clientX - r.left, moved: false };
      ov.setPointerCapture(e.pointerId);
    });
    ov.addEventListener("pointermove", function (e) {
      if (!brush) return;
      var r = ov.getBoundingClientRect(), px = e.clientX - r.left;
      if (Math.abs(px - brush.x) > 3) brush.moved = true;
      if (brush.moved) {
        var a = ovT(Math.min(px, brush.x), r.width), b = ovT(Math.max(px, brush.x), r.width);
        state.range = [a, b]; drawOverview();
      }
    });
    ov.addEventListener("pointerup", function (e) {
      if (!brush) return;
      var r = ov.getBoundingClientRect(), px = e.clientX - r.left;
      if (brush.moved && state.range) {
        state.v0 = state.range[0]; state.v1 = state.range[1]; clampView(); applyFilter();
      } else {
        var c = ovT(px, r.width), span = state.v1 - state.v0;
        state.v0 = c - span / 2; state.v1 = c + span / 2; clampView(); requestDraw();
      }
      brush = null;
    });
    ov.addEventListener("keydown", function (e) {
      if (e.key === "ArrowLeft") pan(-0.2); else if (e.key === "ArrowRight") pan(0.2);
      else if (e.key === "Escape" && state.range) { state.range = null; applyFilter(); }
      else return;
      e.preventDefault();
    });
  })();

  /* ---------- event list: one option per event ---------- */
  var list = $("list"), rows = new Array(EV.length);
  function buildList() {
    var seenIds = {}, frag = document.createDocumentFragment();
    EV.forEach(function (ev, i) {
      var row = el("div", "row" + (ev.hyp ? " hyp" : ""));
      row.id = /^[\w-]{1,64}$/.test(ev.id) && !seenIds[ev.id] ? "ev-" + ev.id : "ev--" + i;
      seenIds[ev.id] = true; row.setAttribute("data-id", ev.id);
      row.setAttribute("role", "option"); row.setAttribute("data-i", String(i)); row.setAttribute("aria-selected", "false");
      var sw = el("span", "sw"); sw.setAttribute("data-type", String(typeIndex[ev.type] || 0));
      row.appendChild(sw); row.appendChild(el("span", "when")); row.appendChild(el("span", "lbl", ev.label));
      rows[i] = row; frag.appendChild(row);
    });
    list.appendChild(frag);
  }
  function rowText(i) {
    var ev = EV[i], bits = [whenMarked(ev), typeName(ev.type), howWords(ev)];
    if (typeof ev.conf === "number") bits.push(pct(ev.conf));
    if (ev._implausible) bits.push("⚠ " + t("implausible"));
    if (ev.hyp) bits.push(t("hypothetical"));
    if (ev.pname) bits.push(t("place") + ": " + str(ev.pname) + (placeLow(ev.place) ? " (?)" : ""));
    return bits.join(" · ");
  }
  function renderList() {
    for (var i = 0; i < EV.length; i++) {
      var hide = !isVis[i];
      if (rows[i].hidden !== hide) rows[i].hidden = hide;
    }
  }
  function relabelList() { for (var i = 0; i < EV.length; i++) rows[i].children[1].textContent = rowText(i); }
  var selectedRow = null;
  function markRow(i) {
    if (selectedRow) selectedRow.setAttribute("aria-selected", "false");
    selectedRow = i >= 0 ? rows[i] : null;
    if (selectedRow) { selectedRow.setAttribute("aria-selected", "true"); list.setAttribute("aria-activedescendant", selectedRow.id); }
    else list.removeAttribute("aria-activedescendant");
  }
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
    else if (k === "Enter" && state.selected >= 0) { var s = textSpans[state.selected]; if (s && s[0]) s[0].focus(); }
    else return;
    e.preventDefault();
  });
  var listHeight = 0;
  new ResizeObserver(function () { listHeight = list.clientHeight; }).observe(list);
  var ROWH = 56; // rows have a fixed height: where one is follows from its place, without layout
  function scrollListTo(i) {
    var k = visible.indexOf(i); if (k < 0) return;
    var top = k * ROWH, h = ROWH, view = listHeight || (listHeight = list.clientHeight) || 460;
    if (top < list.scrollTop || top + h > list.scrollTop + view) list.scrollTop = top - view / 2 + h / 2;
  }

  /* ---------- text ---------- */
  var ENT_CLASS = { PER: "PER", LOC: "LOC", ORG: "ORG" };
  function renderText() {
    var text = str(D.text), n = text.length, marks = [];
    (Array.isArray(D.timexes) ? D.timexes : []).forEach(function (tx) { if (Array.isArray(tx)) marks.push([tx[0], tx[1], 0, -1]); });
    ENT.forEach(function (en, k) { (Array.isArray(en.m) ? en.m : []).forEach(function (m) { if (Array.isArray(m)) marks.push([m[0], m[1], 1, k]); }); });
    EV.forEach(function (ev, i) {
      marks.push([ev.s, ev.e, 2, i]);
      if (typeof ev.ts === "number") marks.push([ev.ts, ev.te, 3, i]);
    });
    marks = marks.filter(function (m) { return typeof m[0] === "number" && typeof m[1] === "number" && m[0] >= 0 && m[1] <= n && m[0] < m[1]; });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var paras = [], re = /\n\s*\n/g, found;
    while ((found = re.exec(text)) !== null) paras.push(found.index + found[0].length);
    var cuts = new Float64Array(marks.length * 2 + 2 + paras.length), c = 0, isPara = {};
    cuts[c++] = 0; cuts[c++] = n;
    marks.forEach(function (m) { cuts[c++] = m[0]; cuts[c++] = m[1]; });
    paras.forEach(function (p) { cuts[c++] = p; isPara[p] = true; });
    cuts.sort();
    var container = $("text"), para = el("div", "para"), open = [], next = 0, prev = -1;
    container.textContent = "";
    textSpans = {};
    for (var j = 0; j < cuts.length - 1; j++) {
      var a = cuts[j], b = cuts[j + 1];
      if (a === prev || a === b) continue;
      prev = a;
      if (isPara[a]) { container.appendChild(para); para = el("div", "para"); }
      if (open.length) open = open.filter(function (m) { return m[1] > a; });
      while (next < marks.length && marks[next][0] <= a) { if (marks[next][1] > a) open.push(marks[next]); next++; }
      var seg = text.slice(a, b);
      if (!open.length) { para.appendChild(document.createTextNode(seg)); continue; }
      var span = el("span", "", seg), evs = [];
      for (var k = 0; k < open.length; k++) {
        var m = open[k];
        if (m[2] === 0) span.classList.add("tx");
        else if (m[2] === 1) { span.classList.add(ENT_CLASS[ENT[m[3]].type] || "ENT"); span.setAttribute("data-ent", String(m[3])); }
        else if (m[2] === 2) evs.push(m[3]);
        else span.classList.add("trig");
      }
      if (evs.length) {
        span.classList.add("ev"); span.setAttribute("data-ev", evs.join(" "));
        evs.forEach(function (i) { (textSpans[i] = textSpans[i] || []).push(span); });
      }
      para.appendChild(span);
    }
    container.appendChild(para);
    // long texts: paragraphs out of view skip layout (content-visibility)
    container.classList.toggle("long", paras.length > 40);
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
  function highlightText(i) {
    lit.forEach(function (s) { s.classList.remove("sel"); });
    lit = textSpans[i] || [];
    lit.forEach(function (s) { s.classList.add("sel"); });
    if (lit.length) {
      var box = $("text"), s = lit[0];
      var place = function () { box.scrollTop += s.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3; };
      place();
      // paragraphs that skipped layout get their real height once near the view: settle in frames
      var frames = 0;
      var settle = function () { place(); if (++frames < 6) requestAnimationFrame(settle); };
      requestAnimationFrame(settle);
    }
  }
  function showInText() {
    var s = (textSpans[state.selected] || [])[0]; if (!s) return;
    s.scrollIntoView({ block: "center" }); s.focus({ preventScroll: true });
  }

  /* ---------- map ---------- */
  var svg = $("map"), mapView = null, homeView = null, placeEvents = {}, mapCurrent = -1;
  function placeLow(k) {
    var en = ENT[k]; if (!en) return false;
    if (typeof en.conf === "number") return en.conf < 0.6;
    return (Array.isArray(en.m) ? en.m.length : 0) < 2;
  }
  function located(en) { return en && typeof en.lat === "number" && typeof en.lon === "number" && Math.abs(en.lat) <= 90 && Math.abs(en.lon) <= 180; }
  function mapInit() {
    var g = document.createElementNS(SVGNS, "g"); g.setAttribute("id", "basemap");
    var grat = document.createElementNS(SVGNS, "path"), d = "";
    for (var lon = -180; lon <= 180; lon += 30) d += "M" + lon * 10 + " -900V900";
    for (var lat = -60; lat <= 60; lat += 30) d += "M-1800 " + (-lat * 10) + "H1800";
    grat.setAttribute("d", d); grat.setAttribute("class", "grat"); g.appendChild(grat);
    (BASEMAP.countries || []).forEach(function (c) {
      var p = document.createElementNS(SVGNS, "path"); p.setAttribute("class", "land"); p.setAttribute("d", str(c.d));
      var title = document.createElementNS(SVGNS, "title"); title.textContent = str(c.name); p.appendChild(title); g.appendChild(p);
    });
    svg.appendChild(g);
    var layer = document.createElementNS(SVGNS, "g"); layer.setAttribute("id", "places"); svg.appendChild(layer);
    var labels = document.createElementNS(SVGNS, "g"); labels.setAttribute("id", "place-labels"); svg.appendChild(labels);
    EV.forEach(function (ev, i) { if (ev.place >= 0) (placeEvents[ev.place] = placeEvents[ev.place] || []).push(i); });
    // open on the data: the places that have events (all located places when none has)
    var pts = [];
    ENT.forEach(function (en, k) { if (located(en) && placeEvents[k]) pts.push([en.lon * 10, -en.lat * 10, placeEvents[k].length]); });
    if (!pts.length) ENT.forEach(function (en) { if (located(en) && en.type === "LOC") pts.push([en.lon * 10, -en.lat * 10, 1]); });
    // robust to outliers: the middle 90 % of the events' places, along each axis
    var trimmed = function (axis) {
      var sorted = pts.slice().sort(function (a, b) { return a[axis] - b[axis]; }), total = 0, acc = 0, lo = null, hi = null;
      sorted.forEach(function (p) { total += p[2]; });
      var cut = pts.length >= 8 ? total * 0.05 : 0;
      sorted.forEach(function (p) {
        if (acc < total - cut) hi = p[axis];
        acc += p[2];
        if (lo === null && acc > cut) lo = p[axis];
      });
      return [lo, hi];
    };
    if (!pts.length) homeView = [-1800, -900, 3600, 1800];
    else {
      var tx = trimmed(0), ty = trimmed(1), x0 = tx[0], x1 = tx[1], y0 = ty[0], y1 = ty[1];
      var w = Math.max(x1 - x0, 60) * 1.2 + 60, h = Math.max(y1 - y0, 40) * 1.2 + 50;
      var ratio = (svg.clientWidth || 400) / (svg.clientHeight || 300);
      if (w / h < ratio) w = h * ratio; else h = w / ratio;
      homeView = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
    }
    mapView = homeView.slice(); setView();
    var drag = null;
    svg.addEventListener("pointerdown", function (e) { if (e.target.classList.contains("place")) return; drag = { x: e.clientX, y: e.clientY, v: mapView.slice() }; svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var k = mapView[2] / (svg.clientWidth || 400);
      mapView[0] = drag.v[0] - (e.clientX - drag.x) * k; mapView[1] = drag.v[1] - (e.clientY - drag.y) * k; setView();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("wheel", function (e) {
      if (!(e.ctrlKey || e.metaKey)) return; // the wheel scrolls the page here too
      var r = svg.getBoundingClientRect();
      mapZoom(Math.exp(e.deltaY * 0.002), (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height); e.preventDefault();
    }, { passive: false });
  }
  /* the buttons zoom about the data: the chosen place, else the middle of the places in view */
  function mapZoom(f, fx, fy) {
    if (fx === undefined) {
      var sel = state.selected >= 0 && EV[state.selected].place >= 0 ? ENT[EV[state.selected].place] : null, px = null, py = null;
      if (located(sel)) { px = sel.lon * 10; py = -sel.lat * 10; }
      else {
        var sx = 0, sy = 0, n = 0;
        Object.keys(placeEvents).forEach(function (k) {
          var en = ENT[k]; if (!located(en)) return;
          var ex = en.lon * 10, ey = -en.lat * 10, wgt = placeEvents[k].length;
          if (ex >= mapView[0] && ex <= mapView[0] + mapView[2] && ey >= mapView[1] && ey <= mapView[1] + mapView[3]) { sx += ex * wgt; sy += ey * wgt; n += wgt; }
        });
        if (n) { px = sx / n; py = sy / n; }
      }
      if (px !== null) { fx = (px - mapView[0]) / mapView[2]; fy = (py - mapView[1]) / mapView[3]; }
      if (!(fx > 0 && fx < 1 && fy > 0 && fy < 1)) { fx = 0.5; fy = 0.5; }
    }
    var w = Math.min(Math.max(mapView[2] * f, 30), 3600), h = w * mapView[3] / mapView[2];
    var cx = mapView[0] + mapView[2] * fx, cy = mapView[1] + mapView[3] * fy;
    mapView = [cx - w * fx, cy - h * fy, w, h]; setView();
  }
  function setView() { svg.setAttribute("viewBox", mapView.join(" ")); drawPlaces(); }
  function drawPlaces() {
    var layer = $("places"), labels = $("place-labels"); if (!layer || !mapView) return;
    layer.textContent = ""; labels.textContent = "";
    var unit = mapView[2] / (svg.clientWidth || 400), most = 1, shownOf = {};
    var selPlace = state.selected >= 0 ? EV[state.selected].place : -1;
    var order = [];
    ENT.forEach(function (en, k) {
      if (en.type !== "LOC" || !located(en)) return;
      var evs = placeEvents[k] || [], shown = 0;
      for (var q = 0; q < evs.length; q++) if (isVis[evs[q]]) shown++;
      shownOf[k] = shown; most = Math.max(most, shown); order.push(k);
    });
    // small first, so a larger circle is never under a smaller one
    order.sort(function (a, b) { return shownOf[a] - shownOf[b] || a - b; });
    if (mapCurrent < 0 || order.indexOf(mapCurrent) < 0) mapCurrent = order.length ? order[order.length - 1] : -1;
    order.forEach(function (k) {
      var en = ENT[k], total = (placeEvents[k] || []).length, shown = shownOf[k];
      var c = document.createElementNS(SVGNS, "circle");
      c.setAttribute("cx", String(en.lon * 10)); c.setAttribute("cy", String(-en.lat * 10));
      c.setAttribute("r", String(unit * (4 + 12 * Math.sqrt(shown / most))));
      c.classList.add("place");
      if (placeLow(k)) c.classList.add("low");
      if (k === selPlace) c.classList.add("on");
      if (k === state.filter) c.classList.add("filt");
      if (!shown && k !== state.filter) c.classList.add("dim");
      c.setAttribute("tabindex", k === mapCurrent ? "0" : "-1"); c.setAttribute("role", "button");
      c.setAttribute("data-ent", String(k));
      c.setAttribute("aria-label", str(en.text) + ": " + shown + " " + t("events") + (placeLow(k) ? ", " + t("placeUnsure") : ""));
      var title = document.createElementNS(SVGNS, "title"); title.textContent = str(en.text) + " (" + total + " " + t("events") + ")"; c.appendChild(title);
      layer.appendChild(c);
    });
    // labels: the chosen place first, then by size, skipping any that would overlap
    var labelled = order.slice().reverse().slice(0, 24), boxes = [];
    if (selPlace >= 0 && located(ENT[selPlace])) labelled = [selPlace].concat(labelled.filter(function (k) { return k !== selPlace; }));
    labelled.forEach(function (k) {
      var en = ENT[k], size = unit * (k === selPlace ? 13 : 11), name = str(en.text);
      var bx = en.lon * 10 + unit * 8, by = -en.lat * 10 + unit * 4, bw = name.length * size * 0.62;
      var box = [bx, by - size, bx + bw, by + size * 0.3];
      if (boxes.some(function (o) { return box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]; })) return;
      boxes.push(box);
      var tx = document.createElementNS(SVGNS, "text");
      tx.setAttribute("x", String(bx)); tx.setAttribute("y", String(by)); tx.setAttribute("font-size", String(size));
      if (k === selPlace) tx.setAttribute("font-weight", "700");
      tx.textContent = name; labels.appendChild(tx);
    });
    $("map-empty").hidden = order.length > 0;
    renderUnresolved();
  }
  function renderUnresolved() {
    var box = $("unresolved"), ul = $("unresolved-list"), items = [];
    Object.keys(placeEvents).forEach(function (k) { if (!located(ENT[k])) items.push(+k); });
    items.sort(function (a, b) { return placeEvents[b].length - placeEvents[a].length; });
    box.hidden = !items.length;
    ul.textContent = "";
    items.forEach(function (k) {
      var li = el("li"), b = el("button"); b.type = "button"; b.setAttribute("data-ent", String(k));
      b.setAttribute("aria-pressed", k === state.filter ? "true" : "false");
      b.appendChild(el("span", "nm", ENT[k].text)); b.appendChild(el("span", "n", countFor(k)));
      li.appendChild(b); ul.appendChild(li);
    });
  }
  $("unresolved-list").addEventListener("click", function (e) { var b = e.target.closest("button[data-ent]"); if (b) setFilter(+b.getAttribute("data-ent")); });
  svg.addEventListener("click", function (e) { var k = e.target.getAttribute && e.target.getAttribute("data-ent"); if (k !== null && k !== undefined) { mapCurrent = +k; setFilter(+k); } });
  /* roving tabindex: one circle in the tab order, arrows move west/east */
  svg.addEventListener("keydown", function (e) {
    var k = e.target.getAttribute && e.target.getAttribute("data-ent");
    if (k === null || k === undefined) return;
    if (e.key === "Enter" || e.key === " ") { mapCurrent = +k; setFilter(+k); focusPlace(+k); e.preventDefault(); return; }
    var dir = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!dir) return;
    var circles = Array.prototype.slice.call(svg.querySelectorAll("circle.place")).map(function (c) { return +c.getAttribute("data-ent"); });
    circles.sort(function (a, b) { return ENT[a].lon - ENT[b].lon || a - b; });
    var pos = circles.indexOf(+k), next = circles[(pos + dir + circles.length) % circles.length];
    mapCurrent = next; focusPlace(next); e.preventDefault();
  });
  function focusPlace(k) {
    svg.querySelectorAll("circle.place").forEach(function (c) {
      var me = +c.getAttribute("data-ent") === k; c.setAttribute("tabindex", me ? "0" : "-1"); if (me) c.focus();
    });
  }

  /* ---------- index ---------- */
  function countFor(k) {
    var n = 0;
    for (var q = 0; q < visible.length; q++) if (involves(EV[visible[q]], k)) n++;
    return n;
  }
  var involvedCount = {};
  function renderIndex() {
    involvedCount = {};
    visible.forEach(function (i) {
      var ev = EV[i], seen = {};
      ev.actors.concat(ev.place >= 0 ? [ev.place] : []).forEach(function (k) { if (!seen[k]) { seen[k] = 1; involvedCount[k] = (involvedCount[k] || 0) + 1; } });
    });
    var groups = { PER: $("idx-per"), LOC: $("idx-loc"), ORG: $("idx-org") };
    Object.keys(groups).forEach(function (ty) {
      var ul = groups[ty], items = [];
      ENT.forEach(function (en, k) { if (en.type === ty) items.push(k); });
      var ment = function (k) { return Array.isArray(ENT[k].m) ? ENT[k].m.length : 0; };
      items.sort(function (a, b) { return ment(b) - ment(a) || (str(ENT[a].text) < str(ENT[b].text) ? -1 : 1); });
      ul.textContent = "";
      var current = ul.getAttribute("data-current");
      var focusable = items.indexOf(+current) >= 0 ? +current : items[0];
      items.forEach(function (k) {
        var li = el("li"), b = el("button");
        b.type = "button"; b.setAttribute("data-ent", String(k));
        b.setAttribute("aria-pressed", k === state.filter ? "true" : "false");
        b.tabIndex = k === focusable ? 0 : -1;
        b.appendChild(el("span", "nm", ENT[k].text)); b.appendChild(el("span", "n", involvedCount[k] || 0));
        b.title = ment(k) + " " + t("mentions") + ", " + (involvedCount[k] || 0) + " " + t("events");
        if (ty === "LOC" && ENT[k].lat === null) {
          // a place the gazetteer could not place with enough confidence: said, not pinned
          b.firstChild.textContent += " (?)"; b.title += " · " + t("unplaced");
        }
        li.appendChild(b); ul.appendChild(li);
      });
      if (!items.length) { var li = el("li", "n", "–"); ul.appendChild(li); }
    });
  }
  $("index").addEventListener("click", function (e) { var b = e.target.closest("button[data-ent]"); if (b) { b.closest("ul").setAttribute("data-current", b.getAttribute("data-ent")); setFilter(+b.getAttribute("data-ent")); } });
  $("index").addEventListener("keydown", function (e) {
    var b = e.target.closest("button[data-ent]"); if (!b) return;
    var dir = { ArrowDown: 1, ArrowUp: -1, Home: -1e9, End: 1e9 }[e.key]; if (!dir) return;
    var ul = b.closest("ul"), all = Array.prototype.slice.call(ul.querySelectorAll("button[data-ent]")), k = all.indexOf(b);
    var next = all[Math.max(0, Math.min(all.length - 1, k + dir))];
    all.forEach(function (x) { x.tabIndex = x === next ? 0 : -1; });
    ul.setAttribute("data-current", next.getAttribute("data-ent"));
    next.focus(); e.preventDefault();
  });

  /* ---------- selection and the detail pane ---------- */
  function select(i, from) {
    if (!EV[i]) return;
    state.selected = i;
    var ev = EV[i], en = ev.place >= 0 ? ENT[ev.place] : null;
    if (located(en) && mapView) {
      var px = en.lon * 10, py = -en.lat * 10, m = mapView[2] * 0.12;
      if (px < mapView[0] + m || px > mapView[0] + mapView[2] - m || py < mapView[1] + m || py > mapView[1] + mapView[3] - m) {
        mapView[0] = px - mapView[2] / 2; mapView[1] = py - mapView[3] / 2; setView();
      }
    }
    if (from !== "timeline") ensureVisibleOnTimeline(i);
    drawTimeline(); drawOverview(); markRow(i); scrollListTo(i); highlightText(i); drawPlaces(); renderDetail();
    writeHash();
    announce(ev.label + ", " + whenMarked(ev));
  }
  function renderDetail() {
    var box = $("detail"), body = $("detail-body");
    body.textContent = "";
    if (state.selected < 0) { box.hidden = true; document.body.classList.remove("has-detail"); return; }
    var ev = EV[state.selected];
    body.appendChild(el("h3", "", ev.label));
    var meta = el("div", "meta");
    var add = function (text, cls) { var s = el("span", cls || "", text); meta.appendChild(s); };
    add(whenMarked(ev), "d-when");
    add(howWords(ev), "d-how");
    if (typeof ev.conf === "number") add(t("confidence") + " " + pct(ev.conf), "d-conf");
    add(typeName(ev.type));
    var named = ev.actors.filter(function (k) { return k !== ev.place; });
    if (named.length) add(named.map(function (k) { return str(ENT[k].text); }).join(", "));
    if (ev.pname) add(t("place") + ": " + str(ev.pname) + (ev.place >= 0 && placeLow(ev.place) ? " (" + t("placeUnsure") + ")" : ev.place >= 0 && !located(ENT[ev.place]) ? " (" + t("unresolved") + ")" : ""));
    if (ev._implausible) add("⚠ " + t("implausible"), "warn");
    if (ev.hyp) add(t("hypothetical"));
    body.appendChild(meta);
    var quote = el("blockquote", "quote", ev._quote);
    quote.setAttribute("aria-label", t("quote"));
    body.appendChild(quote);
    box.hidden = false; document.body.classList.add("has-detail");
  }
  $("detail-close").addEventListener("click", function () {
    state.selected = -1; markRow(-1); highlightText(-1); renderDetail(); requestDraw(); drawPlaces(); writeHash();
  });
  $("detail-text").addEventListener("click", showInText);
  function announce(msg) { $("live").textContent = msg; }

  /* ---------- permalink: #event=ID&lang=xx ---------- */
  function parseHash() {
    var out = {}, h = location.hash.replace(/^#/, "");
    h.split("&").forEach(function (part) {
      var k = part.indexOf("="); if (k < 0) return;
      try { out[decodeURIComponent(part.slice(0, k))] = decodeURIComponent(part.slice(k + 1)); } catch (err) { /* a broken hash is ignored */ }
    });
    return out;
  }
  var hashReady = false; // the hash is read once at load before the page writes it
  function writeHash() {
    if (!hashReady) return;
    var parts = [];
    if (state.selected >= 0) parts.push("event=" + encodeURIComponent(EV[state.selected].id));
    if (state.lang !== (I18N[D.lang] ? D.lang : "en")) parts.push("lang=" + state.lang);
    var hash = parts.length ? "#" + parts.join("&") : "";
    try { history.replaceState(null, "", location.pathname + location.search + hash); }
    catch (err) { if (hash) location.hash = hash; }
  }
  function restoreHash() {
    var h = parseHash();
    hashReady = true;
    if (h.lang && I18N[h.lang] && h.lang !== state.lang) { state.lang = h.lang; applyLang(); }
    if (h.event) for (var i = 0; i < EV.length; i++) if (EV[i].id === h.event) { select(i, "hash"); break; }
  }
  window.addEventListener("hashchange", restoreHash);

  /* ---------- links are inert unless they are the page's own anchors ---------- */
  function guardLink(e) {
    var a = e.target.closest && e.target.closest("a, area");
    if (!a) return;
    var href = a.getAttribute("href") || "";
    if (!/^#[A-Za-z][\w-]*$/.test(href)) { e.preventDefault(); e.stopPropagation(); }
  }
  document.addEventListener("click", guardLink, true);
  document.addEventListener("auxclick", guardLink, true);

  /* ---------- downloads, made here from the embedded data ---------- */
  var stem = (str(D.title) || "timeline").replace(/[^\w\u00C0-\u024F-]+/g, "_").slice(0, 60) || "timeline";
  function iso(v) { return typeof v === "string" ? v : ""; }
  function cell(v) {
    var s = str(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // a spreadsheet must not read a cell as a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function eventRecord(ev) {
    var d = Array.isArray(ev.d) ? ev.d : [null, null, null, null];
    return {
      id: ev.id, label: ev.label, type: ev.type, edtf: str(ev.edtf),
      earliest_begin: d[0], latest_begin: d[1], earliest_end: d[2], latest_end: d[3],
      time_source: str(ev.src), confidence: typeof ev.conf === "number" ? ev.conf : null,
      hypothetical: !!ev.hyp, place: ev.pname ? str(ev.pname) : null,
      lat: ev.place >= 0 && located(ENT[ev.place]) ? ENT[ev.place].lat : null,
      lon: ev.place >= 0 && located(ENT[ev.place]) ? ENT[ev.place].lon : null,
      people: ev.actors.map(function (k) { return str(ENT[k].text); }), quote: ev._quote, start: ev.s, end: ev.e
    };
  }
  var FORMATS = {
    json: { suffix: ".json", type: "application/json", write: function () {
      return JSON.stringify({ title: D.title, source: D.source || null, lang: D.lang, generator: "chronist " + str(D.version),
        events: EV.map(eventRecord) }, null, 2) + "\n";
    } },
    csv: { suffix: ".csv", type: "text/csv", write: function () {
      var cols = ["id", "label", "type", "edtf", "earliest_begin", "latest_begin", "earliest_end", "latest_end",
        "time_source", "confidence", "hypothetical", "place", "lat", "lon", "people", "quote"];
      var out = [cols.join(",")];
      EV.forEach(function (ev) {
        var r = eventRecord(ev);
        out.push(cols.map(function (c) { return cell(c === "people" ? r.people.join("; ") : r[c]); }).join(","));
      });
      return out.join("\r\n") + "\r\n";
    } },
    geojson: { suffix: ".geojson", type: "application/geo+json", write: function () {
      var features = [];
      EV.forEach(function (ev) {
        var r = eventRecord(ev); if (r.lat === null) return;
        features.push({ type: "Feature", id: r.id, geometry: { type: "Point", coordinates: [r.lon, r.lat] },
          properties: { label: r.label, type: r.type, edtf: r.edtf, place: r.place, quote: r.quote } });
      });
      return JSON.stringify({ type: "FeatureCollection", features: features }, null, 1) + "\n";
    } },
    timelinejs: { suffix: ".timeline.json", type: "application/json", write: function () {
      var events = [];
      EV.forEach(function (ev) {
        var d = Array.isArray(ev.d) ? ev.d : []; if (!d[0] && !d[1]) return;
        var e = str(ev.edtf).replace(/[~?%]/g, ""), parts = e.split("/"), grain = (parts[0].match(/-/g) || []).length - (parts[0].charAt(0) === "-" ? 1 : 0);
        var date = function (s) {
          var m = /^(-?\d+)-(\d\d)-(\d\d)/.exec(s || ""); if (!m) return null;
          var o = { year: +m[1] }; if (grain >= 1) o.month = +m[2]; if (grain >= 2) o.day = +m[3]; return o;
        };
        var item = { start_date: date(d[0] || d[1]), group: typeName(ev.type), text: { headline: ev.label, text: ev._quote }, unique_id: ev.id };
        if (d[3] && d[3] !== (d[0] || d[1])) item.end_date = date(d[3]);
        if (ev.fuzzy) item.display_date = when(ev);
        events.push(item);
      });
      return JSON.stringify({ title: { text: { headline: str(D.title) } }, events: events }, null, 1) + "\n";
    } },
    ics: { suffix: ".ics", type: "text/calendar", write: function () {
      var esc = function (s) { return str(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); };
      var fold = function (line) { var out = []; while (line.length > 73) { out.push(line.slice(0, 73)); line = " " + line.slice(73); } out.push(line); return out.join("\r\n"); };
      var day = function (s) { var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s || ""); return m && +m[1] > 0 ? m[1] + m[2] + m[3] : null; };
      var next = function (s) { var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s), dt = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1)); dt.setUTCFullYear(+m[1] + (dt.getUTCFullYear() - +m[1])); return dt.toISOString().slice(0, 10).replace(/-/g, ""); };
      var stamp = str(D.generated).replace(/-/g, "") || "19700101";
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//chronist//timeline page//EN", "CALSCALE:GREGORIAN"];
      EV.forEach(function (ev) {
        // only events dated to the day: a calendar cannot say "some day in 1916"
        var e = str(ev.edtf);
        var m = /^(\d{4}-\d\d-\d\d)(?:\/(\d{4}-\d\d-\d\d))?$/.exec(e); if (!m || !day(m[1])) return;
        var endDay = m[2] && day(m[2]) ? m[2] : m[1];
        lines.push("BEGIN:VEVENT", "UID:" + esc(ev.id) + "-" + stem + "@chronist", "DTSTAMP:" + stamp + "T000000Z",
          "DTSTART;VALUE=DATE:" + day(m[1]), "DTEND;VALUE=DATE:" + next(endDay), fold("SUMMARY:" + esc(ev.label)),
          fold("DESCRIPTION:" + esc(ev._quote)));
        if (ev.pname) lines.push(fold("LOCATION:" + esc(ev.pname)));
        lines.push("END:VEVENT");
      });
      lines.push("END:VCALENDAR");
      return lines.join("\r\n") + "\r\n";
    } }
  };
  function download(name) {
    var f = FORMATS[name]; if (!f) return null;
    var body = f.write(), blob = new Blob([body], { type: f.type + ";charset=utf-8" });
    var a = document.createElement("a"); // never attached: the link guard leaves it alone
    a.href = URL.createObjectURL(blob); a.download = stem + f.suffix;
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    return body;
  }
  $("downloads").addEventListener("click", function (e) { var b = e.target.closest("button[data-format]"); if (b) download(b.getAttribute("data-format")); });

  /* ---------- print: the full list with quotes ---------- */
  window.addEventListener("beforeprint", function () {
    var box = $("print-list"); box.textContent = "";
    var ol = el("ol");
    visible.forEach(function (i) {
      var ev = EV[i], li = el("li");
      li.appendChild(el("strong", "", ev.label)); li.appendChild(el("div", "meta", rowText(i)));
      li.appendChild(el("blockquote", "", ev._quote)); ol.appendChild(li);
    });
    box.appendChild(ol);
  });
  window.addEventListener("afterprint", function () { $("print-list").textContent = ""; });

  /* ---------- language, legend, title block ---------- */
  function applyLang() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (node) {
      var s = t(node.getAttribute("data-i18n-label")); node.setAttribute("aria-label", s); node.title = s;
    });
    $("search").placeholder = t("search");
    $("lang-btn").textContent = state.lang === "de" ? "English" : "Deutsch";
    $("lang-btn").setAttribute("lang", state.lang === "de" ? "en" : "de");
    var opts = $("lanes").options; opts[0].textContent = t("byType"); opts[1].textContent = t("byActor");
    $("summary").textContent = EV.length + " " + t("eventsN") + " · " + ENT.length + " " + t("names") +
      " · " + (Array.isArray(D.timexes) ? D.timexes.length : 0) + " " + t("timexes");
    var prov = t("extracted") + (D.version ? " " + str(D.version) : "") + (D.generated ? " " + t("on") + " " + str(D.generated) : "");
    $("provenance").textContent = (D.source ? t("source") + ": " + str(D.source) + " · " : "") + prov;
    $("tl-hint").textContent = t(mqCoarse.matches ? "touchHint" : "hint");
    labelWidth.fill(-1);
    computeLanes(); relabelList(); renderLegend(); renderTextLegend(); showFilter();
    drawTimeline(); drawOverview(); drawPlaces(); renderIndex(); renderDetail(); writeHash();
  }
  function renderLegend() {
    var box = $("legend");
    var counts = {};
    for (var i = 0; i < EV.length; i++) if (passes(EV[i], "type")) counts[EV[i].type] = (counts[EV[i].type] || 0) + 1;
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#legend") ? document.activeElement.getAttribute("data-type") : null;
    box.textContent = "";
    TYPES.forEach(function (ty) {
      var b = el("button", "type-chip"); b.type = "button"; b.setAttribute("data-type", ty);
      b.setAttribute("aria-pressed", state.hidden[ty] ? "false" : "true");
      var sw = el("i", "sw"); sw.style.background = typeColor(ty); b.appendChild(sw);
      b.appendChild(document.createTextNode(typeName(ty) + " ")); b.appendChild(el("span", "n", counts[ty] || 0));
      box.appendChild(b);
      if (focused === ty) b.focus();
    });
    rowsSwatches();
  }
  function rowsSwatches() {
    // the list's colour bars follow the theme
    var sheet = $("type-colours"), css = "";
    TYPES.forEach(function (ty, k) { css += '.row .sw[data-type="' + k + '"]{background:' + typeColor(ty) + "}\n"; });
    sheet.textContent = css;
  }
  $("legend").addEventListener("click", function (e) {
    var b = e.target.closest("button[data-type]"); if (!b) return;
    var ty = b.getAttribute("data-type"); state.hidden[ty] = !state.hidden[ty]; applyFilter(true);
  });
  function renderTextLegend() {
    var box = $("text-legend"); box.textContent = "";
    [["tx", "legendTimex"], ["PER", "people"], ["LOC", "places"], ["ORG", "orgs"], ["ev", "legendEvent"]].forEach(function (x) {
      var s = el("span"), i = el("i", "key-" + x[0]); s.appendChild(i); s.appendChild(document.createTextNode(t(x[1]))); box.appendChild(s);
    });
  }
  function resetAll() { state.filter = -1; state.range = null; state.q = ""; $("search").value = ""; state.hidden = {}; applyFilter(); }
  $("reset-all").addEventListener("click", resetAll);
  $("lang-btn").addEventListener("click", function () { state.lang = state.lang === "de" ? "en" : "de"; applyLang(); });
  $("lanes").addEventListener("change", function (e) { state.lanes = e.target.value; computeLanes(); drawTimeline(); });
  $("zoom-out").addEventListener("click", function () { zoom(1 / 0.6); });
  $("zoom-in").addEventListener("click", function () { zoom(0.6); });
  $("zoom-fit").addEventListener("click", function () { fitAll(); requestDraw(); });
  $("map-in").addEventListener("click", function () { mapZoom(0.6); });
  $("map-out").addEventListener("click", function () { mapZoom(1 / 0.6); });
  $("map-home").addEventListener("click", function () { mapView = homeView.slice(); setView(); });
  $("filter-clear").addEventListener("click", function () { setFilter(state.filter); });
  $("range-clear").addEventListener("click", function () { state.range = null; applyFilter(); });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    if (!pop.hidden) closeCluster(); else if (state.filter >= 0) setFilter(state.filter);
  });
  document.addEventListener("pointerdown", function (e) { if (!pop.hidden && !pop.contains(e.target) && e.target !== canvas) closeCluster(); });
  var resizeTimer = 0;
  window.addEventListener("resize", function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(function () { drawPlaces(); }, 50); });
  new ResizeObserver(function () {
    var w = wrap.clientWidth, o = ov.clientWidth;
    if (w !== wrapWidth || o !== ovWidth) { wrapWidth = w; ovWidth = o; requestDraw(); }
  }).observe(wrap);
  function retheme() { readTheme(); renderLegend(); requestDraw(); }
  mqDark.addEventListener("change", retheme); mqForced.addEventListener("change", retheme);

  /* ---------- the page's interface for tests and tools ---------- */
  function quoteInViewport() {
    if (state.selected < 0) return false;
    var inVp = function (node) {
      if (!node || node.hidden) return false;
      var r = node.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    };
    var q = $("detail").hidden ? null : $("detail").querySelector(".quote");
    if (q && inVp(q)) return true;
    var s = (textSpans[state.selected] || [])[0], box = $("text").getBoundingClientRect();
    if (s && inVp(s)) { var r = s.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; }
    return false;
  }
  window.chronist = {
    events: EV.length, ready: false,
    view: function (y0, y1) { state.v0 = y0; state.v1 = y1; clampView(); drawTimeline(); drawOverview(); },
    lanes: function (mode) { state.lanes = mode; $("lanes").value = mode; computeLanes(); drawTimeline(); },
    select: function (id) { for (var i = 0; i < EV.length; i++) if (EV[i].id === id) { select(i, "api"); return true; } return false; },
    download: function (name) { return download(name); },
    formats: function () { return Object.keys(FORMATS); },
    colours: function () { return TYPES.map(function (ty) { return typeColor(ty); }); },
    badges: function () {
      return frame.badges.map(function (b) { return { x: (b.box[0] + b.box[2]) / 2, y: (b.box[1] + b.box[3]) / 2, n: b.items.length }; });
    },
    filterMarks: function () { return filterMarks; },
    search: function (text) { $("search").value = text; state.q = String(text).trim().toLowerCase(); applyFilter(); return visible.length; },
    zoom: function (factor) { zoom(factor); drawTimeline(); drawOverview(); },
    overviewX: function (year) { return ovX(year, ov.clientWidth); },
    redraw: function () { var a = performance.now(); drawTimeline(); return performance.now() - a; },
    state: function () {
      return { from: isoOf(state.v0), to: isoOf(state.v1), visible: frame.inView, labelled: frame.labelled,
        clustered: frame.clustered, selected: state.selected >= 0 ? EV[state.selected].id : null,
        quoteInViewport: quoteInViewport(), before: frame.before, after: frame.after, ticks: +canvas.getAttribute("data-ticks") };
    }
  };
  Object.defineProperty(window.chronist, "selected", { get: function () { return state.selected >= 0 ? EV[state.selected].id : null; } });
  var t0 = performance.now(), marks = [];
  function timed(name, fn) { var a = performance.now(); fn(); marks.push(name + ":" + Math.round(performance.now() - a)); }
  readTheme();
  for (var i0 = 0; i0 < EV.length; i0++) { isVis[i0] = 1; visible.push(i0); }
  timed("text", renderText); timed("list", buildList); timed("layout", function () { return document.body.offsetHeight; });
  timed("map", mapInit); fitHome(); timed("lang", applyLang);
  restoreHash();
  window.chronist.marks = marks.join(" ");
  window.chronist.ready = true;
  window.chronist.startupMs = Math.round(performance.now() - t0);
  document.body.setAttribute("data-ready", "true");
})();
