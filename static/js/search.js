// The search page's map: shown on demand, it loads Leaflet (served by the app from npm, see
// build.rs) and the search's postings as clusters from map.json, which the server groups so
// that a map never has more than a few hundred markers. Without JavaScript the list and its
// links do everything; the map only adds a view of it.
"use strict";

(function () {
  const panel = document.getElementById("map-panel");
  const toggle = document.getElementById("map-toggle");
  if (!panel || !toggle) return;
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
    window.location.assign(base + (base.includes("?") ? "&" : "?") + "bbox=" + box + "#map-panel");
  }
})();
