// The claimtrace view: draws the data claimtrace wrote into this page (positions included) with
// cytoscape.js and answers clicks, searches and toggles. Texts from the inputs only ever reach
// the page as text (textContent, text nodes, canvas labels); only http and https URLs, checked
// when the page was written and again here, become links.
(function () {
  "use strict";

  // When each stage of drawing the page ended, in ms since navigation start (for measurements).
  var timings = { script: performance.now() };
  var D = JSON.parse(document.getElementById("claimtrace-data").textContent);
  timings.parsed = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  var big = D.items.length > 2000;

  // ---- small DOM helpers: elements with text, never HTML ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function webLink(url) {
    // Checked when the page was written; checked again, since a link is what a hostile input
    // would want.
    try {
      var u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    } catch (e) { return null; }
    var a = el("a", null, url);
    a.href = url;
    a.rel = "noopener noreferrer nofollow";
    a.target = "_blank";
    return a;
  }

  // ---- lookups ----
  var itemEdges = D.items.map(function () { return []; });
  var claimEdges = {};
  D.edges.forEach(function (e, n) {
    if (e.s[0] === "i") itemEdges[+e.s.slice(1)].push(n);
    if (e.t[0] === "i" && e.t !== e.s) itemEdges[+e.t.slice(1)].push(n);
    if (D.edge_kinds[e.k].layer === "claims") {
      (claimEdges[e.s] = claimEdges[e.s] || []).push(n);
      (claimEdges[e.t] = claimEdges[e.t] || []).push(n);
    }
  });
  var storySize = {};
  D.items.forEach(function (it) { storySize[it.story] = (storySize[it.story] || 0) + 1; });
  var personClaims = D.people.map(function () { return []; });
  D.claims.forEach(function (c, i) {
    c.speakers.forEach(function (p) { personClaims[p].push(i); });
  });
  function laneName(i) { return D.lanes[D.items[i].lane].name; }
  function itemWords(i) {
    var it = D.items[i];
    return "“" + it.title + "” (" + [laneName(i), it.date].filter(Boolean).join(", ") + ")";
  }

  // ---- the drawing ----
  var left = D.extent[0] - 330, right = D.extent[1] + 140;
  var elements = [];
  D.lanes.forEach(function (l, i) {
    elements.push({ group: "nodes", classes: "lane" + (i % 2 ? " odd-lane" : ""),
      data: { id: "lane" + i, w: right - left + 40, h: l.h },
      position: { x: (left + right) / 2, y: l.y + l.h / 2 }, locked: true, selectable: false, grabbable: false });
    elements.push({ group: "nodes", classes: "lanelabel" + (l.credited_only ? " credited-lane" : ""),
      data: { id: "l" + i, label: l.name }, position: { x: left + 110, y: l.y + l.h / 2 },
      locked: true, selectable: false, grabbable: false });
  });
  var top = D.lanes.length ? D.lanes[0].y : 0;
  D.days.forEach(function (d, i) {
    elements.push({ group: "nodes", classes: "day", data: { id: "d" + i, label: d.date },
      position: { x: d.x, y: top - 34 }, selectable: false, grabbable: false });
  });
  if (D.undated_x !== null && D.undated_x !== undefined) {
    elements.push({ group: "nodes", classes: "day undated", data: { id: "undated", label: "no date" },
      position: { x: D.undated_x, y: top - 34 }, selectable: false, grabbable: false });
  }
  // A big view's labels are short: every word of a label is measured when the page opens.
  function shortLabel(t) { return big && t.length > 40 ? t.slice(0, 38) + "…" : t; }
  D.items.forEach(function (it, i) {
    var label = (it.odd.length ? "⚠ " : "") + shortLabel(it.label);
    elements.push({ group: "nodes", classes: "item" + (it.odd.length ? " odd" : ""),
      data: { id: "i" + i, label: label }, position: { x: it.x, y: it.y }, grabbable: false });
  });
  D.credited.forEach(function (c, i) {
    elements.push({ group: "nodes", classes: "credited",
      data: { id: "o" + i, label: "credited: " + c.outlet + "\n(original not in these inputs)" },
      position: { x: c.x, y: c.y }, grabbable: false });
  });
  D.edges.forEach(function (e, n) {
    if (D.edge_kinds[e.k].layer !== "story") return;
    elements.push({ group: "edges", classes: "k" + e.k, data: { id: "e" + n, source: e.s, target: e.t } });
  });

  var style = [
    { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "wrap",
      "text-valign": "center", "text-halign": "center", "z-index-compare": "manual", "z-index": 3,
      "min-zoomed-font-size": big ? 7 : 4 } },
    { selector: "edge", style: { "z-index-compare": "manual", "z-index": 2, "curve-style": "straight",
      "arrow-scale": 1.1, "opacity": 0.9 } },
    { selector: ".lane", style: { "shape": "rectangle", "width": "data(w)", "height": "data(h)",
      "background-color": "#ffffff", "border-width": 0, "label": "", "z-index": 0, "events": "no" } },
    { selector: ".odd-lane", style: { "background-color": "#f3f6fa" } },
    { selector: ".lanelabel", style: { "shape": "rectangle", "width": 200, "height": 24,
      "background-opacity": 0, "text-max-width": 200, "font-size": 13, "font-weight": "bold",
      "color": "#1d3f73", "text-halign": "center", "z-index": 1, "events": "no" } },
    { selector: ".credited-lane", style: { "color": "#0b5394", "font-style": "italic" } },
    { selector: ".day", style: { "shape": "rectangle", "width": 110, "height": 22, "background-color": "#eeeeee",
      "border-width": 1, "border-color": "#bbbbbb", "font-size": 12, "events": "no" } },
    { selector: ".undated", style: { "font-style": "italic" } },
    { selector: ".item", style: { "shape": "round-rectangle", "width": 190, "height": 50,
      "background-color": nodeColour("item"), "border-width": 1, "border-color": "#b59b4b",
      "text-max-width": 180 } },
    { selector: ".item.odd", style: { "border-width": 4, "border-style": "double", "border-color": "#cc0000" } },
    { selector: ".credited", style: { "shape": "round-rectangle", "width": 190, "height": 44,
      "background-color": nodeColour("outlet"), "border-width": 2, "border-style": "dashed",
      "border-color": "#0b5394", "text-max-width": 184, "font-size": 10, "font-style": "italic" } },
    { selector: ".claim", style: { "shape": "rectangle", "width": 190, "height": 36,
      "background-color": nodeColour("claim"), "border-width": 1, "border-color": "#c27a7a",
      "font-size": 9, "text-max-width": 184 } },
    { selector: ".person", style: { "shape": "ellipse", "width": 150, "height": 34,
      "background-color": nodeColour("speaker"), "border-width": 1, "border-color": "#6a9a5b",
      "font-size": 10, "text-max-width": 140 } },
    { selector: ".person.outlet", style: { "shape": "round-rectangle", "background-color": nodeColour("outlet") } },
    { selector: ".bow", style: { "curve-style": "unbundled-bezier", "control-point-distances": "data(bow)",
      "control-point-weights": 0.5 } },
    { selector: ".hidden", style: { "display": "none" } },
    { selector: ".faded", style: { "opacity": 0.15 } },
    { selector: ".match", style: { "border-width": 4, "border-color": "#7b3fb8", "border-style": "solid" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#000000", "border-style": "solid" } }
  ];
  D.edge_kinds.forEach(function (k, i) {
    style.push({ selector: ".k" + i, style: { "line-color": k.colour, "target-arrow-color": k.colour,
      "line-style": k.line, "width": k.width, "target-arrow-shape": k.arrow ? "triangle" : "none",
      "opacity": k.layer === "story" ? 0.95 : 0.55 } });
  });
  function nodeColour(kind) {
    for (var i = 0; i < D.node_kinds.length; i++) if (D.node_kinds[i].kind === kind) return D.node_kinds[i].colour;
    return "#dddddd";
  }

  timings.elements = performance.now();
  var cy = cytoscape({
    container: $("graph"), elements: elements, style: style, layout: { name: "preset" },
    minZoom: 0.02, maxZoom: 3, boxSelectionEnabled: false,
    autoungrabify: true, textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : "auto"
  });
  // A line between two things of one column would run behind the things stacked between them
  // and read as a chain through them: it bows out of the column instead.
  function bow(edges) {
    edges.forEach(function (e) {
      var a = e.source().position(), b = e.target().position();
      var dx = Math.abs(a.x - b.x), dy = Math.abs(a.y - b.y);
      if (dx < 150 && dy > 70) {
        e.data("bow", Math.min(260 + 0.1 * dy, 700));
        e.addClass("bow");
      } else {
        e.removeClass("bow");
      }
    });
  }
  timings.cytoscape = performance.now();
  bow(cy.edges());
  var firstRender = null;
  cy.one("render", function () {
    firstRender = performance.now();
    // Tests and measurements wait for this: the first frame is drawn.
    document.body.dataset.rendered = String(Math.round(firstRender));
  });

  // ---- claims and speakers, drawn on demand ----
  var drawnClaims = {}, drawnPeople = {};
  function personOf(p) {
    var id = "p" + p;
    if (!drawnPeople[p]) {
      drawnPeople[p] = true;
      var P = D.people[p];
      cy.add({ group: "nodes", classes: "person" + (P.outlet ? " outlet" : ""),
        data: { id: id, label: P.name }, position: { x: P.x, y: P.y }, grabbable: false });
    }
    return id;
  }
  function drawClaims(list) {
    var toAdd = [];
    list.forEach(function (c) {
      if (drawnClaims[c]) return;
      drawnClaims[c] = true;
      var C = D.claims[c];
      toAdd.push({ group: "nodes", classes: "claim", data: { id: "c" + c, label: C.label },
        position: { x: C.x, y: C.y }, grabbable: false });
    });
    cy.add(toAdd);
    var edges = [];
    list.forEach(function (c) {
      (claimEdges["c" + c] || []).forEach(function (n) {
        var e = D.edges[n], other = e.s === "c" + c ? e.t : e.s;
        if (other[0] === "p") personOf(+other.slice(1));
        if (cy.getElementById("e" + n).length || !cy.getElementById(e.s).length || !cy.getElementById(e.t).length) return;
        edges.push({ group: "edges", classes: "k" + e.k, data: { id: "e" + n, source: e.s, target: e.t } });
      });
    });
    // Authors: items' lines to people, once both ends are drawn.
    Object.keys(drawnPeople).forEach(function (p) {
      (claimEdges["p" + p] || []).forEach(function (n) {
        var e = D.edges[n];
        if (e.s[0] !== "i" || cy.getElementById("e" + n).length || !cy.getElementById(e.s).length) return;
        edges.push({ group: "edges", classes: "k" + e.k, data: { id: "e" + n, source: e.s, target: e.t } });
      });
    });
    bow(cy.add(edges));
  }

  // ---- what is shown: toggles, focus ----
  var focus = null; // a story's number, or null for every story
  var shownFocus = null; // the focus the items were last shown and placed for
  function inFocus(i) { return focus === null || D.items[i].story === focus; }
  function claimsWanted() {
    var want = [];
    if (!$("show-claims").checked && !$("show-speakers").checked) return want;
    if (!D.limits.claims_all && focus === null) return want;
    D.claims.forEach(function (c, i) {
      if (c.items.some(inFocus)) want.push(i);
    });
    return want;
  }
  function refresh() {
    var want = claimsWanted();
    drawClaims(want);
    var wanted = {};
    want.forEach(function (c) { wanted[c] = true; });
    var showClaims = $("show-claims").checked, showPeople = $("show-speakers").checked;
    var people = {};
    if (showPeople) want.forEach(function (c) { D.claims[c].speakers.forEach(function (p) { people[p] = true; }); });
    // Ten thousand items are only touched when the focus changes.
    var focusChanged = focus !== shownFocus;
    cy.batch(function () {
      if (focusChanged) {
        cy.nodes(".item").forEach(function (n) { n.toggleClass("hidden", !inFocus(+n.id().slice(1))); });
        cy.nodes(".credited").forEach(function (n) {
          n.toggleClass("hidden", !D.credited[+n.id().slice(1)].by.some(inFocus));
        });
      }
      cy.nodes(".claim").forEach(function (n) { n.toggleClass("hidden", !(showClaims && wanted[+n.id().slice(1)])); });
      cy.nodes(".person").forEach(function (n) { n.toggleClass("hidden", !(showPeople && people[+n.id().slice(1)])); });
      cy.nodes(".day").toggleClass("hidden", !$("show-days").checked);
    });
    // Unfocused, everything stands where claimtrace put it, newly drawn claims included.
    if (focusChanged || focus !== null) placeForFocus();
    shownFocus = focus;
    var status = D.title + " · " + D.stories + " stor" + (D.stories === 1 ? "y" : "ies");
    if ((showClaims || showPeople) && !D.limits.claims_all && focus === null) {
      status += " · " + D.claims.length + " claims: focus one story to see its claims";
    }
    if (focus !== null) status += " · showing one story of " + storySize[focus] + " item" + (storySize[focus] === 1 ? "" : "s");
    $("status").textContent = status;
    $("everything").disabled = focus === null;
  }

  // In a focused story, the lanes and bands close up around what is shown; every story shows
  // the positions claimtrace wrote.
  function placeForFocus() {
    cy.batch(function () {
      if (focus === null) {
        cy.nodes(".item").forEach(function (n) { var it = D.items[+n.id().slice(1)]; n.position({ x: it.x, y: it.y }); });
        cy.nodes(".credited").forEach(function (n) { var c = D.credited[+n.id().slice(1)]; n.position({ x: c.x, y: c.y }); });
        cy.nodes(".claim").forEach(function (n) { var c = D.claims[+n.id().slice(1)]; n.position({ x: c.x, y: c.y }); });
        cy.nodes(".person").forEach(function (n) { var p = D.people[+n.id().slice(1)]; n.position({ x: p.x, y: p.y }); });
        D.lanes.forEach(function (l, i) {
          cy.getElementById("lane" + i).removeClass("hidden").position({ x: (left + right) / 2, y: l.y + l.h / 2 });
          cy.getElementById("l" + i).removeClass("hidden").position({ x: left + 110, y: l.y + l.h / 2 });
        });
        bow(cy.edges());
        return;
      }
      var used = {};
      cy.nodes(".item, .credited").not(".hidden").forEach(function (n) {
        var lane = n.hasClass("item") ? D.items[+n.id().slice(1)].lane : D.credited[+n.id().slice(1)].lane;
        used[lane] = true;
      });
      var y = top, shift = {};
      D.lanes.forEach(function (l, i) {
        var show = !!used[i];
        cy.getElementById("lane" + i).toggleClass("hidden", !show);
        cy.getElementById("l" + i).toggleClass("hidden", !show);
        if (!show) return;
        shift[i] = y - l.y;
        cy.getElementById("lane" + i).position({ x: (left + right) / 2, y: y + l.h / 2 });
        cy.getElementById("l" + i).position({ x: left + 110, y: y + l.h / 2 });
        y += l.h;
      });
      cy.nodes(".item").not(".hidden").forEach(function (n) {
        var it = D.items[+n.id().slice(1)]; n.position({ x: it.x, y: it.y + shift[it.lane] });
      });
      cy.nodes(".credited").not(".hidden").forEach(function (n) {
        var c = D.credited[+n.id().slice(1)]; n.position({ x: c.x, y: c.y + shift[c.lane] });
      });
      y = band(cy.nodes(".claim").not(".hidden"), D.claims, y + 80);
      band(cy.nodes(".person").not(".hidden"), D.people, y + 80);
    });
    bow(cy.edges());
  }
  function band(nodes, table, y0) {
    var rows = {}, bottom = y0;
    nodes.sort(function (a, b) { return table[+a.id().slice(1)].y - table[+b.id().slice(1)].y; })
      .forEach(function (n) {
        var t = table[+n.id().slice(1)], r = rows[t.x] || 0;
        rows[t.x] = r + 1;
        n.position({ x: t.x, y: y0 + 23 + r * 46 });
        bottom = Math.max(bottom, y0 + (r + 1) * 46);
      });
    return bottom;
  }
  function fitShown() {
    if (focus === null) {
      // Everything: the box is known from the layout, so no node's size is measured.
      var bottom = D.lanes.length ? D.lanes[D.lanes.length - 1].y + D.lanes[D.lanes.length - 1].h : 0;
      cy.nodes(".claim, .person").not(".hidden").forEach(function (n) {
        bottom = Math.max(bottom, n.position("y") + 30);
      });
      fitBox(left, top - 60, right, bottom, 30);
      return;
    }
    var shown = cy.nodes(".item, .credited, .claim, .person").not(".hidden");
    cy.fit(shown.union(cy.nodes(".lanelabel, .day").not(".hidden")), 30);
  }
  function fitBox(x1, y1, x2, y2, pad) {
    var w = Math.max(cy.width() - 2 * pad, 10), h = Math.max(cy.height() - 2 * pad, 10);
    var zoom = Math.min(w / Math.max(x2 - x1, 1), h / Math.max(y2 - y1, 1));
    zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    cy.viewport({ zoom: zoom, pan: { x: cy.width() / 2 - zoom * (x1 + x2) / 2, y: cy.height() / 2 - zoom * (y1 + y2) / 2 } });
  }
  function focusStory(s) {
    focus = s;
    clearMatches();
    refresh();
    fitShown();
  }

  // ---- the item panel ----
  function itemRef(i) {
    var a = el("a", "item-ref", itemWords(i));
    a.tabIndex = 0;
    a.addEventListener("click", function () { openItem(i, true); });
    a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openItem(i, true); });
    return a;
  }
  function confidenceWords(c) {
    if (c === undefined || c === null) return "";
    var w = c >= 0.8 ? "strong" : c >= 0.5 ? "fair" : "weak";
    return "confidence " + c.toFixed(2) + " (" + w + ")";
  }
  function fact(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    add(dl, el("dt", null, name), add(el("dd"), value));
  }
  function openItem(i, center) {
    var it = D.items[i];
    var body = $("panel-body");
    body.textContent = "";
    var h = el("h2", null, it.title);
    h.dir = "auto";
    add(body, h);
    var dl = el("dl", "facts");
    fact(dl, "Outlet", laneName(i));
    var date = el("span", null, it.date || "no date");
    if (it.odd.length) add(date, " ", el("span", "odd", "⚠ date to check: " + it.odd.join("; ")));
    fact(dl, "Date", date);
    if (it.url_text) fact(dl, "URL", webLink(it.url || "") || el("span", "muted", it.url_text + " (not a web address; not a link)"));
    fact(dl, "Byline", it.byline);
    fact(dl, "Dateline", it.dateline);
    fact(dl, "Language", it.language);
    if (it.credits.length) {
      var ul = el("ul");
      it.credits.forEach(function (c) {
        var li = el("li", null, "says it comes from " + c.outlet);
        if (c.date) add(li, ", dated " + c.date);
        if (c.evidence) add(li, " (evidence: “" + c.evidence + "”)");
        add(li, c.node !== null && c.node !== undefined ? " — the original is not in these inputs" : " — the original is in these inputs");
        add(ul, li);
      });
      fact(dl, "Credits", ul);
    }
    fact(dl, "Input", it.location);
    fact(dl, "Node id", it.id);
    if (it.warnings.length) fact(dl, "Reading problems", it.warnings.join("; "));
    add(body, dl);
    var focusButton = el("button", null, "Focus this story (" + storySize[it.story] + " item" + (storySize[it.story] === 1 ? "" : "s") + ")");
    focusButton.type = "button";
    focusButton.id = "focus-story";
    focusButton.addEventListener("click", function () { focusStory(it.story); });
    add(body, focusButton);

    // How it is linked to other items, in words.
    var links = itemEdges[i].filter(function (n) { var e = D.edges[n]; return e.s[0] === "i" && e.t[0] === "i"; });
    add(body, el("h3", null, "Copies and sources"));
    if (!links.length) add(body, el("p", "muted", "Not shown to share text with any other item in these inputs."));
    links.forEach(function (n) {
      var e = D.edges[n], k = D.edge_kinds[e.k], p = el("p", "link-line");
      var mine = e.s === "i" + i, other = +(mine ? e.t : e.s).slice(1);
      var verb = k.kind === "reposts" ? (mine ? "Copied from " : "Copied by ")
        : k.kind === "rewrites" ? (mine ? "Rewritten from " : "Rewritten by ")
        : k.kind === "same_text" ? "Shares text with " : (mine ? k.label + " " : "(" + k.label + ") ");
      add(p, verb, itemRef(other));
      if (k.kind === "same_text") add(p, ", with no sign of which came first");
      if (k.kind === "rewrites" && e.share != null) {
        add(p, " (about " + Math.round(100 * e.share) + "% of " + (mine ? "this" : "that") + " story)");
      }
      var why = el("div", "evidence");
      add(why, [confidenceWords(e.conf), e.ev ? "why: " + e.ev : ""].filter(Boolean).join(" · "));
      add(body, add(p, why));
    });
    var comparable = links.filter(function (n) { return D.edge_kinds[D.edges[n].k].kind !== "credits"; });
    if (comparable.length) {
      add(body, el("h3", null, "The copy beside its source"));
      var holder = el("div");
      if (comparable.length > 1) {
        var select = el("select");
        select.id = "compare-with";
        comparable.forEach(function (n, j) {
          var e = D.edges[n], other = +(e.s === "i" + i ? e.t : e.s).slice(1);
          var o = el("option", null, itemWords(other));
          o.value = String(j);
          add(select, o);
        });
        select.addEventListener("change", function () { compare(holder, comparable[+select.value]); });
        add(body, add(el("p", null, "Compare with: "), select));
      }
      add(body, holder);
      compare(holder, comparable[0]);
    }

    // Claims.
    add(body, el("h3", null, "Claims (" + it.claims.length + ")"));
    if (!it.claims.length) add(body, el("p", "muted", "No claim found in this item."));
    var cl = el("ul", "claims");
    it.claims.forEach(function (c, n) {
      var C = D.claims[c], li = el("li");
      var t = el("span", "claim-text", "“" + C.text + "”");
      t.dir = "auto";
      // The speaker this item names; else whoever the claim is said by.
      var named = it.named[n];
      var who = named !== null && named !== undefined ? [D.people[named].name]
        : C.speakers.map(function (p) { return D.people[p].name; });
      add(li, t, " — ", who.length ? who.join(" or ") : "no speaker named", " (" + C.kind + ")");
      if (C.disagree) {
        var others = C.speakers.filter(function (p) { return p !== named; }).map(function (p) { return D.people[p].name; });
        add(li, el("span", "odd", " the items disagree: others name " + (others.join(" or ") || "another speaker")));
      }
      if (C.variant_of !== null && C.variant_of !== undefined) {
        add(li, el("div", "evidence", "a changed quotation of “" + D.claims[C.variant_of].text + "”" + (C.difference ? ": " + C.difference : "")));
      }
      var first = el("div", "evidence");
      if (C.first === i) add(first, "first appeared here");
      else if (C.first !== null && C.first !== undefined) add(first, "first appeared in ", itemRef(C.first));
      if (C.items.length > 1) add(first, " · printed by " + C.items.length + " items");
      add(cl, add(li, first));
    });
    add(body, cl);

    $("panel").hidden = false;
    cy.$(":selected").unselect();
    var node = cy.getElementById("i" + i);
    node.select();
    if (center) cy.animate({ center: { eles: node }, duration: 200 });
  }

  // The copy and its source side by side: shared passages marked, what the copy dropped from
  // the source and what it added.
  function compare(holder, n) {
    holder.textContent = "";
    var e = D.edges[n], k = D.edge_kinds[e.k];
    var a = +e.s.slice(1), b = +e.t.slice(1);
    // A copy's line runs from the copy to its source: the source goes on the left.
    var src = b, copy = a, srcSpans = e.al.map(function (p) { return [p[2], p[3]]; }),
      copySpans = e.al.map(function (p) { return [p[0], p[1]]; });
    var oneOther = k.kind !== "reposts" && k.kind !== "rewrites";
    var key = el("div", "key");
    add(key, add(el("span", null), add(el("mark", "shared", k.kind === "rewrites" ? "sentence rewritten from the source" : "shared passage"))),
      el("span", "dropped", oneOther ? "only in the left" : "left out by the copy"),
      el("span", "added", oneOther ? "only in the right" : "added by the copy"));
    add(holder, key);
    var grid = el("div", "compare");
    [[src, srcSpans, "dropped", oneOther ? "One: " : "Source: "], [copy, copySpans, "added", oneOther ? "The other: " : "Copy: "]]
      .forEach(function (side) {
        var col = el("div");
        add(col, add(el("h4", null, side[3]), itemRef(side[0])));
        var box = el("div", "text");
        box.dir = "auto";
        var it = D.items[side[0]];
        if (it.text && e.al.length) {
          var counts = marked(box, it.text, side[1], side[2]);
          add(col, el("p", "muted", counts.other + " word" + (counts.other === 1 ? " " : "s ") +
            (oneOther ? "only here" : side[2] === "dropped" ? "left out by the copy" : "added by the copy")));
        } else {
          add(box, it.excerpt);
          add(col, el("p", "muted", "The full text is not in this page (" + D.limits.texts +
            " texts are, within " + Math.round(D.limits.text_budget / 1048576) + " MiB); this is its start."));
        }
        add(grid, add(col, box));
      });
    add(holder, grid);
  }
  function words(s) { var m = s.match(/[\p{L}\p{N}]+/gu); return m ? m.length : 0; }
  function marked(box, text, spans, otherClass) {
    spans = spans.slice().sort(function (x, y) { return x[0] - y[0]; });
    var at = 0, shared = 0, other = 0;
    function plain(s) {
      if (!s) return;
      if (/[\p{L}\p{N}]/u.test(s)) { add(box, el("span", otherClass, s)); other += words(s); }
      else add(box, s);
    }
    spans.forEach(function (p) {
      var s = Math.max(p[0], at), e = Math.min(p[1], text.length);
      if (e <= s) return;
      plain(text.slice(at, s));
      var piece = text.slice(s, e);
      add(box, el("mark", "shared", piece));
      shared += words(piece);
      at = e;
    });
    plain(text.slice(at));
    return { shared: shared, other: other };
  }

  // ---- search ----
  var index = [];
  D.items.forEach(function (it, i) {
    index.push({ what: "item", i: i, text: [it.title, laneName(i), it.byline, it.url_text, it.date].filter(Boolean).join(" ").toLowerCase() });
  });
  D.people.forEach(function (p, i) {
    index.push({ what: p.outlet ? "outlet" : "speaker", i: i, text: [p.name].concat(p.roles).join(" ").toLowerCase() });
  });
  D.lanes.forEach(function (l, i) { index.push({ what: "lane", i: i, text: l.name.toLowerCase() }); });
  D.claims.forEach(function (c, i) { index.push({ what: "claim", i: i, text: c.text.toLowerCase() }); });
  var order = { speaker: 0, lane: 1, outlet: 2, item: 3, claim: 4 };

  function itemsOf(hit) {
    if (hit.what === "item") return [hit.i];
    if (hit.what === "lane") return D.items.map(function (it, i) { return it.lane === hit.i ? i : -1; }).filter(function (i) { return i >= 0; });
    var claims = hit.what === "claim" ? [hit.i] : personClaims[hit.i];
    var out = {};
    claims.forEach(function (c) { D.claims[c].items.forEach(function (i) { out[i] = true; }); });
    return Object.keys(out).map(Number);
  }
  function hitWords(hit) {
    var n;
    if (hit.what === "item") return ["item", itemWords(hit.i)];
    if (hit.what === "lane") { n = itemsOf(hit).length; return ["outlet", D.lanes[hit.i].name + " — " + n + " item" + (n === 1 ? "" : "s")]; }
    if (hit.what === "claim") {
      var C = D.claims[hit.i];
      return ["claim", "“" + C.label + "” — " + (C.speakers.map(function (p) { return D.people[p].name; }).join(" or ") || "no speaker named")];
    }
    n = itemsOf(hit).length;
    var P = D.people[hit.i];
    return [hit.what, P.name + (P.roles.length ? ", " + P.roles.join(", ") : "") + " — in " + n + " item" + (n === 1 ? "" : "s")];
  }
  function clearMatches() { cy.elements().removeClass("match faded"); }
  function showMatches(items) {
    var set = {};
    items.forEach(function (i) { set[i] = true; });
    cy.batch(function () {
      cy.nodes(".item").forEach(function (n) {
        var hit = !!set[+n.id().slice(1)];
        n.toggleClass("match", hit).toggleClass("faded", !hit);
      });
      cy.nodes(".credited, .claim, .person").addClass("faded");
      cy.edges().addClass("faded");
    });
  }
  function search(q) {
    var list = $("results");
    list.textContent = "";
    q = q.trim().toLowerCase();
    if (!q) { list.hidden = true; clearMatches(); return; }
    var terms = q.split(/\s+/);
    var hits = index.filter(function (h) { return terms.every(function (t) { return h.text.indexOf(t) >= 0; }); });
    hits.sort(function (a, b) { return order[a.what] - order[b.what] || a.i - b.i; });
    var matchedItems = {};
    hits.forEach(function (h) { itemsOf(h).forEach(function (i) { matchedItems[i] = true; }); });
    showMatches(Object.keys(matchedItems).map(Number));
    hits.slice(0, 40).forEach(function (h) {
      var w = hitWords(h), li = el("li");
      li.dataset.what = h.what;
      add(li, el("span", "what", w[0]), w[1]);
      li.addEventListener("click", function () { choose(h); });
      add(list, li);
    });
    if (!hits.length) add(list, el("li", "muted", "nothing found"));
    else if (hits.length > 40) add(list, el("li", "muted", (hits.length - 40) + " more: type more words"));
    list.hidden = false;
  }
  function choose(h) {
    $("results").hidden = true;
    var items = itemsOf(h);
    if (h.what === "item") { clearMatches(); openItem(h.i, true); return; }
    if (focus !== null && !items.some(inFocus)) { focus = null; refresh(); }
    showMatches(items);
    var eles = cy.collection();
    items.forEach(function (i) { eles = eles.union(cy.getElementById("i" + i)); });
    if (eles.length) cy.animate({ fit: { eles: eles, padding: 60 }, duration: 250 });
  }
  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    var q = this.value;
    timer = setTimeout(function () { search(q); }, big ? 200 : 60);
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { this.value = ""; search(""); }
    if (ev.key === "Enter") { var first = $("results").querySelector("li[data-what]"); if (first) first.click(); }
  });

  // ---- the stories with copies, largest first ----
  (function storyList() {
    var box = $("stories"), first = {};
    D.items.forEach(function (it, i) {
      var f = first[it.story];
      if (f === undefined || (it.date || "~") < (D.items[f].date || "~")) first[it.story] = i;
    });
    var list = Object.keys(storySize).map(Number).filter(function (s) { return storySize[s] > 1; });
    list.sort(function (a, b) { return storySize[b] - storySize[a] || a - b; });
    add(box, el("h2", null, list.length ? "Stories with copies (" + list.length + ")" : "No item copies another"));
    if (list.length) add(box, el("p", "muted", "Click one to see only its items; the first item shown is its earliest."));
    var ul = el("ul");
    list.slice(0, 60).forEach(function (s) {
      var li = el("li");
      li.tabIndex = 0;
      li.dataset.story = String(s);
      add(li, el("span", "size", storySize[s] + " items"), itemWords(first[s]));
      li.addEventListener("click", function () { focusStory(s); });
      li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") focusStory(s); });
      add(ul, li);
    });
    add(box, ul);
    if (list.length > 60) add(box, el("p", "muted", (list.length - 60) + " more: find them with the search box."));
  })();

  // ---- legend ----
  (function legend() {
    var box = $("legend");
    add(box, el("h2", null, "How to read this picture"));
    add(box, el("p", null, "Each row is an outlet; left to right is time, one column per day. Click an item to read it beside its source."));
    var nodes = el("ul");
    var shown = { item: true, claim: true, speaker: true };
    D.node_kinds.forEach(function (k) {
      if (!shown[k.kind]) return;
      var sw = el("span", "swatch");
      sw.style.backgroundColor = k.colour;
      add(nodes, add(el("li"), sw, k.words));
    });
    var cred = el("span", "swatch credited");
    cred.style.backgroundColor = nodeColour("outlet");
    add(nodes, add(el("li"), cred, "an outlet an item says it comes from, whose original is not in these inputs"));
    var odd = el("span", "swatch odd");
    odd.style.backgroundColor = nodeColour("item");
    add(nodes, add(el("li"), odd, "⚠ an item whose date is doubtful (dated before its source, or after a copy of it)"));
    add(box, nodes);
    var lines = el("ul");
    D.edge_kinds.forEach(function (k) {
      var s = el("span", "stroke " + k.line);
      s.style.borderTopColor = k.colour;
      add(lines, add(el("li"), s, k.words + (k.layer === "claims" ? " (with claims shown)" : "")));
    });
    add(box, lines);
  })();

  // ---- wiring ----
  $("summary").textContent = "· " + D.title;
  $("show-claims").checked = D.limits.claims_shown;
  $("show-speakers").checked = D.limits.claims_shown;
  ["show-claims", "show-speakers", "show-days"].forEach(function (id) { $(id).addEventListener("change", refresh); });
  $("everything").addEventListener("click", function () { focus = null; clearMatches(); refresh(); fitShown(); });
  $("fit").addEventListener("click", fitShown);
  $("legend-button").addEventListener("click", function () {
    var l = $("side");
    l.hidden = !l.hidden;
    this.setAttribute("aria-expanded", String(!l.hidden));
    cy.resize();
  });
  $("close").addEventListener("click", function () { $("panel").hidden = true; cy.$(":selected").unselect(); });
  cy.on("tap", "node.item", function (ev) { clearMatches(); openItem(+ev.target.id().slice(1), false); });
  cy.on("tap", "node.credited", function (ev) {
    var c = D.credited[+ev.target.id().slice(1)];
    showMatches(c.by);
  });
  cy.on("tap", "node.claim", function (ev) { showMatches(itemsOf({ what: "claim", i: +ev.target.id().slice(1) })); });
  cy.on("tap", "node.person", function (ev) { showMatches(itemsOf({ what: "speaker", i: +ev.target.id().slice(1) })); });
  cy.on("tap", function (ev) { if (ev.target === cy) clearMatches(); });

  timings.wired = performance.now();
  refresh();
  fitShown();
  timings.ready = performance.now();

  // For tests and measurements: what is drawn, and when the first frame was.
  window.claimtraceView = {
    cy: cy,
    data: D,
    ready: true,
    firstRenderMs: function () { return firstRender === null ? null : firstRender; },
    timings: timings,
    drawnItems: function () { return cy.nodes(".item").not(".hidden").length; },
    openItem: function (i) { openItem(i, true); },
    find: search,
    // Where item i is on the page, in CSS pixels, for a real click.
    itemPoint: function (i) {
      var p = cy.getElementById("i" + i).renderedPosition(), r = $("graph").getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }
  };
})();
