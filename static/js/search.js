// The search page, enhanced. Without JavaScript every link and the form work as they are;
// with it:
// - the map: shown on demand, it loads Leaflet (served by the app from npm, see build.rs) and
//   the search's postings as clusters from map.json, which the server groups so that a map
//   never has more than a few hundred markers;
// - the page updates in place: filters, sort, pages, the form and the map fetch the next
//   page, swap its parts in, and push its address, so back and forward work; focus stays on
//   the control used and a live region says the new count;
// - on a narrow screen "Filters (n)" opens the facets above the results.
"use strict";

const searchMap = (function () {
  const panel = document.getElementById("map-panel");
  const toggle = document.getElementById("map-toggle");
  if (!panel || !toggle) return null;
  const status = document.getElementById("map-status");
  const follow = document.getElementById("map-follow");
  let map = null;
  let layer = null;
  let loading = null;

  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? toggle.dataset.hide : toggle.dataset.show;
    if (open) show();
  });
  // Back from "search as I move the map": the map stays open.
  if (window.location.hash === "#map-panel") toggle.click();

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      const element = document.createElement(tag);
      Object.assign(element, attributes);
      element.onload = resolve;
      element.onerror = function () { reject(new Error("could not load " + (attributes.src || attributes.href))); };
      document.head.appendChild(element);
    });
  }

  function leaflet() {
    if (!loading) {
      loading = Promise.all([
        load("link", { rel: "stylesheet", href: panel.dataset.style }),
        load("script", { src: panel.dataset.script }),
      ]);
    }
    return loading;
  }

  function show() {
    if (map) {
      map.invalidateSize();
      return;
    }
    leaflet().then(start, function () {
      status.textContent = panel.dataset.unavailable;
    });
  }

  function start() {
    const L = window.L;
    map = L.map("map", { zoomControl: true, worldCopyJump: true });
    L.tileLayer(panel.dataset.tiles, {
      maxZoom: 19,
      attribution: panel.dataset.attribution,
    }).addTo(map);
    layer = L.layerGroup().addTo(map);
    const box = new URLSearchParams(panel.dataset.source.split("?")[1] || "").get("bbox");
    if (box) {
      const [w, s, e, n] = box.split(",").map(Number);
      map.fitBounds([[s, w], [n, e]]);
    } else {
      map.setView([50.5, 10.5], 4);
    }
    refresh(!box);
    map.on("moveend", function () {
      if (follow.checked) return search();
      refresh(false);
    });
    follow.addEventListener("change", function () {
      if (follow.checked) search();
    });
  }

  // The postings of the search as it stands, clustered for the current zoom.
  function refresh(fit) {
    const url = panel.dataset.source + (panel.dataset.source.includes("?") ? "&" : "?") + "zoom=" + map.getZoom();
    fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) { draw(data, fit); })
      .catch(function () { status.textContent = panel.dataset.unavailable; });
  }

  function draw(data, fit) {
    const L = window.L;
    layer.clearLayers();
    const all = [];
    data.features.forEach(function (feature) {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      all.push([lat, lon]);
      const marker = p.url ? single(L, lat, lon, p) : cluster(L, lat, lon, p);
      marker.addTo(layer);
    });
    status.textContent = data.note || "";
    if (fit && all.length) map.fitBounds(all, { padding: [30, 30], maxZoom: 12 });
  }

  function single(L, lat, lon, p) {
    const content = document.createElement("div");
    const link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.title;
    const company = document.createElement("p");
    company.textContent = p.company;
    content.append(link, company);
    return L.marker([lat, lon], { title: p.title, alt: p.title, keyboard: true }).bindPopup(content);
  }

  function cluster(L, lat, lon, p) {
    const icon = L.divIcon({
      className: "map-cluster",
      html: "<span>" + Number(p.count) + "</span>",
      iconSize: [40, 40],
    });
    const marker = L.marker([lat, lon], { icon: icon, title: p.label, keyboard: true });
    const [w, s, e, n] = p.bounds;
    const spread = w !== e || s !== n;
    marker.on("click", function () {
      if (spread && map.getZoom() < map.getMaxZoom()) {
        map.fitBounds([[s, w], [n, e]], { padding: [40, 40] });
        return;
      }
      // All at one place: the list of them.
      const link = document.createElement("a");
      link.href = p.list;
      link.textContent = p.label;
      L.popup().setLatLng([lat, lon]).setContent(link).openOn(map);
    });
    return marker;
  }

  // "Search as I move the map": the list follows the map's box.
  function search() {
    const b = map.getBounds();
    const round = function (x) { return Math.round(x * 100000) / 100000; };
    const box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (x, i) { return round(i % 2 ? Math.max(-90, Math.min(90, x)) : Math.max(-180, Math.min(180, x))); })
      .join(",");
    const base = panel.dataset.search;
    const url = base + (base.includes("?") ? "&" : "?") + "bbox=" + box;
    if (window.searchPage) window.searchPage.go(url, null, true);
    else window.location.assign(url + "#map-panel");
  }

  // The search changed (in place): the map shows the new one.
  function update(source, search) {
    panel.dataset.source = source;
    panel.dataset.search = search;
    if (map && !panel.hidden && !follow.checked) refresh(true);
    else if (map && !panel.hidden) refresh(false);
  }

  return { update: update };
})();

window.searchPage = (function () {
  if (!document.getElementById("search-form") || !window.fetch || !window.history.pushState || !window.DOMParser) return null;
  const announce = document.getElementById("search-announce");
  const narrow = window.matchMedia("(max-width: 800px)");
  let pending = null;

  // Links that change the search: facets, chips, sort, pages, suggestions.
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.closest(".filters-jump")) return drawer(event);
    if (!link.closest(".filters, .sort, .pagination, .active-filters, .empty")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    event.preventDefault();
    go(url.href, link.dataset.key || null, true);
  });

  // The form is swapped with the results: its events are caught on the document.
  document.addEventListener("submit", function (event) {
    if (event.target.id !== "search-form") return;
    event.preventDefault();
    go(formUrl(), document.activeElement && document.activeElement.id, true);
  });
  // A choice in the form takes effect at once, as a facet does.
  document.addEventListener("change", function (event) {
    if (!event.target.closest("#search-form")) return;
    if (event.target.matches("select, input[type=checkbox]")) go(formUrl(), event.target.id, true);
  });

  window.addEventListener("popstate", function () {
    go(window.location.href, null, false);
  });

  function formUrl() {
    const form = document.getElementById("search-form");
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== "") query.append(name, value);
    }
    // A radius means nothing without a place: the page would drop it anyway.
    if (!query.get("near")) { query.delete("radius"); query.delete("remote"); }
    const text = query.toString();
    return form.action + (text ? "?" + text : "");
  }

  function go(url, key, push) {
    if (pending) pending.abort();
    pending = new AbortController();
    document.getElementById("results-layout").setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, signal: pending.signal })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        swap(new DOMParser().parseFromString(html, "text/html"), url, key, push);
      })
      .catch(function (error) {
        // Aborted by a newer change: that one draws. Otherwise the plain page load.
        if (error.name !== "AbortError") window.location.assign(url);
      });
  }

  function swap(next, url, key, push) {
    const open = narrow.matches && document.getElementById("filters").hasAttribute("data-drawer");
    const more = document.getElementById("form-more");
    const unfolded = more ? more.open : false;
    // The language links too: they keep the search, which just changed.
    for (const id of ["search-heading", "search-notices", "search-form", "results-layout", "lang-switch"]) {
      const now = document.getElementById(id);
      const then = next.getElementById(id);
      if (now && then) now.replaceWith(document.adoptNode(then));
    }
    document.title = next.title;
    if (push) window.history.pushState(null, "", url);
    const panel = next.getElementById("map-panel");
    if (searchMap && panel) searchMap.update(panel.dataset.source, panel.dataset.search);
    if (open) drawerOpen(false);
    fold(unfolded);
    const total = document.getElementById("results-heading");
    announce.textContent = total ? total.textContent : "";
    // Focus stays on the control used (its new self), else goes to the count.
    const same = key && (document.getElementById(key) ||
      document.querySelector('[data-key="' + CSS.escape(key) + '"]'));
    (same || total).focus();
  }

  // "Filters (n)" on a narrow screen: the facets open above the results.
  function drawer(event) {
    if (!narrow.matches) return;
    event.preventDefault();
    const filters = document.getElementById("filters");
    if (filters.hasAttribute("data-drawer")) {
      filters.removeAttribute("data-drawer");
      event.target.closest("a").setAttribute("aria-expanded", "false");
    } else {
      drawerOpen(true);
    }
  }

  function drawerOpen(focus) {
    const filters = document.getElementById("filters");
    filters.setAttribute("data-drawer", "");
    const jump = document.querySelector(".filters-jump a");
    if (jump) jump.setAttribute("aria-expanded", "true");
    if (focus) filters.focus();
  }

  // On a narrow screen the form's further filters start folded (open without JavaScript).
  function fold(open) {
    const more = document.getElementById("form-more");
    if (more && narrow.matches) more.open = open;
  }
  fold(false);

  return { go: go, fold: fold };
})();
