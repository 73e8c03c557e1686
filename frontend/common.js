// What every page shares: the texts and the language switch, fetching our own API with its problem+json
// errors, the fictitious-data banner and the background drawn from our own layers. Needs ol.js and the
// i18n/*.js files loaded before it.
'use strict';

const Plek = (() => {
  const ALL = window.PLEKTOETS_TEXTS || {};

  /**
   * The texts of one page's section. t(key) looks in the page's section, then in common; a key a newer
   * language lacks falls back to Dutch, so a half-done translation (pl, ro) never shows an empty label.
   */
  function i18n(section, initialLang) {
    let lang = ALL[initialLang] ? initialLang : 'nl';
    const listeners = [];
    const lookup = (code, key) => {
      const texts = ALL[code] || {};
      if (texts[section] && texts[section][key] !== undefined) return texts[section][key];
      return texts.common ? texts.common[key] : undefined;
    };
    const ui = {
      get lang() { return lang; },
      t(key) {
        const text = lookup(lang, key);
        return text !== undefined ? text : (lookup('nl', key) !== undefined ? lookup('nl', key) : key);
      },
      setLang(code) {
        if (!ALL[code]) return;
        lang = code;
        const select = document.getElementById('lang');
        if (select) select.value = code;
        ui.apply();
        listeners.forEach(fn => fn(code));
      },
      onChange(fn) { listeners.push(fn); },
      /** Texts into [data-i18n] elements, [data-i18n-label] aria-labels, [data-i18n-placeholder], the title. */
      apply() {
        document.documentElement.lang = lang;
        document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = ui.t(el.dataset.i18n); });
        document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', ui.t(el.dataset.i18nLabel)));
        document.querySelectorAll('[data-i18n-placeholder]').forEach(el => el.setAttribute('placeholder', ui.t(el.dataset.i18nPlaceholder)));
        document.title = ui.t('title');
      }
    };
    // the switch lists every language whose file the page loaded
    const select = document.getElementById('lang');
    if (select) {
      select.innerHTML = '';
      for (const [code, texts] of Object.entries(ALL)) {
        const option = document.createElement('option');
        option.value = code;
        option.textContent = texts.languageName || code;
        select.appendChild(option);
      }
      select.value = lang;
      select.addEventListener('change', () => ui.setLang(select.value));
    }
    ui.apply();
    return ui;
  }

  /**
   * GET (or any method) on our API. Resolves to the parsed JSON; rejects with an Error whose message is the
   * problem+json detail (or title, or "HTTP nnn"), with status and problem set, or with network = true when
   * the server could not be reached.
   */
  async function getJson(url, init) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      const err = new Error(e.message);
      err.network = true;
      throw err;
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (ignored) { /* not JSON: reported by status below */ }
    if (!response.ok) {
      const err = new Error((json && (json.detail || json.title)) || ('HTTP ' + response.status));
      err.status = response.status;
      err.problem = json;
      throw err;
    }
    return json;
  }

  /** The message for a failed request in the page's language: the server's reason or "cannot be reached". */
  function errorText(ui, leadKey, err) {
    return ui.t(leadKey) + ': ' + (err.network ? ui.t('networkFailed') : err.message);
  }

  /** Shows the page's #fictitious banner when an answer's dataset block says the data is fictitious. */
  function noteDataset(body) {
    const banner = document.getElementById('fictitious');
    if (banner && body && body.dataset && body.dataset.fictitious) banner.hidden = false;
  }

  const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  // The background from our own layers, so no visitor request goes to a third party (AVG). Roles the dataset
  // lacks (water in the demo, say) are not asked for.
  const BACKGROUND = [
    { role: 'water', fill: 'rgba(150,190,230,0.8)', stroke: '#5b8fc7' },
    { role: 'agricultural_plot', fill: 'rgba(214,196,120,0.45)', stroke: '#a08c3c' },
    { role: 'business_park', fill: 'rgba(170,150,200,0.45)', stroke: '#7a5fa0' },
    { role: 'recreation_zone', fill: 'rgba(120,190,120,0.5)', stroke: '#2f7d32' },
    { role: 'built_up_area', fill: 'rgba(230,200,190,0.45)', stroke: '#b07060' },
    { role: 'building', fill: 'rgba(150,130,120,0.8)', stroke: '#6b5a50', minZoom: 15 },
    { role: 'road', stroke: '#ffffff', casing: '#888888', width: 3 }
  ];
  // Pages of 1000 features, following the answer's next link; the cap keeps a zoomed-out view of a large
  // municipality from loading everything (zoom in to see the rest).
  const PAGE_LIMIT = 1000, MAX_PAGES = 20;

  let overview = null;
  /** GET /api/v1/layers once per page: the roles present, the extent, the dataset block. */
  function layerOverview() {
    if (!overview) overview = getJson('/api/v1/layers').catch(err => { overview = null; throw err; });
    return overview;
  }

  async function loadAll(url) {
    const features = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const fc = await getJson(url);
      features.push(...geojson.readFeatures(fc));
      const next = (fc.links || []).find(l => l.rel === 'next');
      url = next ? next.href : null;
    }
    return features;
  }

  function backgroundLayer(spec) {
    const source = new ol.source.Vector({
      strategy: ol.loadingstrategy.bbox,
      loader: (extent, resolution, projection, success, failure) => {
        const b = ol.proj.transformExtent(extent, 'EPSG:3857', 'EPSG:4326').map(v => v.toFixed(6));
        layerOverview()
          .then(body => body.layers.some(l => l.role === spec.role)
            ? loadAll('/api/v1/layers/' + spec.role + '?limit=' + PAGE_LIMIT + '&bbox=' + b.join(','))
            : [])
          .then(fs => { source.addFeatures(fs); success(fs); })
          .catch(() => { source.removeLoadedExtent(extent); failure(); });
      }
    });
    const style = spec.casing
      ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.casing, width: spec.width + 2 }) }),
         new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.stroke, width: spec.width }) })]
      : new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
    return new ol.layer.Vector({ source, style, minZoom: spec.minZoom || 11, properties: { role: spec.role, background: true } });
  }

  function backgroundLayers() { return BACKGROUND.map(backgroundLayer); }

  /** Fits the map to the dataset's extent and shows the fictitious banner; resolves to /api/v1/layers. */
  function fitToDataset(map) {
    return layerOverview().then(body => {
      const bbox = body.bbox || (body.layers && body.layers[0] && body.layers[0].bbox);
      if (bbox) map.getView().fit(ol.proj.transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
      noteDataset(body);
      return body;
    });
  }

  return { i18n, getJson, errorText, noteDataset, geojson, BACKGROUND, backgroundLayers, layerOverview, fitToDataset };
})();
