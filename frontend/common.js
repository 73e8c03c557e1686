// What every page shares: the texts and the language switch, fetching our own API with its problem+json
// errors, the fictitious-data banner and the background drawn from our own layers. Needs ol.js and the
// i18n/*.js files loaded before it.
'use strict';

const Plek = (() => {
  const ALL = window.PLEKTOETS_TEXTS || {};

  /**
   * The texts of one page's section. t(key) looks in the page's section, then in common; a key the language lacks
   * falls back to the language's own fallback (pl and ro: English), then to Dutch, so a half-done translation never
   * shows an empty label. The language: initialLang, else ?lang= in the URL, else Dutch; a language this page did
   * not load (the planner view has no Polish) gives English. The page navigation (nav.pages) keeps the language.
   */
  function i18n(section, initialLang) {
    const asked = initialLang || new URLSearchParams(location.search).get('lang');
    let lang = ALL[asked] ? asked : (asked && asked !== 'nl' && ALL.en ? 'en' : 'nl');
    const listeners = [];
    const lookup = (code, key) => {
      const texts = ALL[code] || {};
      if (texts[section] && texts[section][key] !== undefined) return texts[section][key];
      return texts.common ? texts.common[key] : undefined;
    };
    /** The languages to try, in order, for a text or a server message in the current language. */
    const chain = () => [lang, (ALL[lang] || {}).fallback, 'nl'].filter(Boolean);
    const ui = {
      get lang() { return lang; },
      /** For dates: nl-NL, en-GB, pl-PL, ro-RO (the language file's locale). */
      get locale() { return (ALL[lang] || {}).locale || lang; },
      t(key) {
        for (const code of chain()) {
          const text = lookup(code, key);
          if (text !== undefined) return text;
        }
        return key;
      },
      /**
       * The language a server message ({nl: ..., en: ...}, as the criteria write them) is shown in: the page's
       * language if the server wrote it, else the language's fallback, else Dutch.
       */
      pickLang(message) {
        return chain().find(code => message && typeof message[code] === 'string') || 'nl';
      },
      /** The server message's text in {@link pickLang}'s language. */
      pick(message) {
        return message ? (message[ui.pickLang(message)] || '') : '';
      },
      /**
       * When some of the server's messages are not in the page's language: a note, in the page's language, that
       * they are shown in the fallback language (#messages-language; once per answer); else null.
       */
      messagesNote(messages) {
        if (!ui.t('messagesLanguage') || messages.every(m => ui.pickLang(m) === lang)) return null;
        const note = document.createElement('p');
        note.id = 'messages-language';
        note.className = 'hint';
        note.textContent = ui.t('messagesLanguage');
        return note;
      },
      /** A number written with the language's decimal separator (7,5 in Dutch, Polish and Romanian; 7.5 in English). */
      decimal(value) {
        return String(value).replace('.', (1.5).toLocaleString(ui.locale).charAt(1));
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
      /**
       * Texts into [data-i18n] elements, [data-i18n-label] aria-labels, [data-i18n-placeholder], the title; the
       * page navigation's links get ?lang= so the next page opens in the same language.
       */
      apply() {
        document.documentElement.lang = lang;
        document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = ui.t(el.dataset.i18n); });
        document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', ui.t(el.dataset.i18nLabel)));
        document.querySelectorAll('[data-i18n-placeholder]').forEach(el => el.setAttribute('placeholder', ui.t(el.dataset.i18nPlaceholder)));
        document.querySelectorAll('nav.pages a[data-page]').forEach(a => {
          a.href = a.dataset.page + (lang === 'nl' ? '' : '?lang=' + lang);
        });
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
        option.lang = code; // each name in its own language (WCAG 3.1.2)
        select.appendChild(option);
      }
      select.value = lang;
      select.addEventListener('change', () => ui.setLang(select.value));
    }
    ui.apply();
    return ui;
  }

  /**
   * Keeps the language in the page's own URL as ?lang= (none for Dutch, the default), so a reload or a copied
   * address opens in the same language; other parameters and the fragment stay. For the pages without a link of
   * their own (the check page keeps the language in its #fragment).
   */
  function keepLangInUrl(ui) {
    ui.onChange(code => {
      const url = new URL(location.href);
      if (code === 'nl') url.searchParams.delete('lang'); else url.searchParams.set('lang', code);
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    });
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

  /**
   * The message for a failed request in the page's language: the server's reason or "cannot be reached"; an address
   * not found or ambiguous in the page's own words (the server's detail is English), with the candidates it gave.
   */
  function errorText(ui, leadKey, err) {
    const type = err.problem && err.problem.type;
    const key = type === 'urn:plektoets:problem:address-not-found' ? 'addressNotFound'
      : type === 'urn:plektoets:problem:address-ambiguous' ? 'addressAmbiguous' : null;
    if (key) {
      const candidates = (err.problem.candidates || []).map(c => (typeof c === 'string' ? c : c && c.label) || '').filter(Boolean);
      return ui.t(key) + (candidates.length ? ' ' + ui.t('addressCandidates') + ': ' + candidates.join('; ') + '?' : '');
    }
    return ui.t(leadKey) + ': ' + (err.network ? ui.t('networkFailed') : err.message);
  }

  /** Shows the page's #fictitious banner when an answer's dataset block says the data is fictitious. */
  function noteDataset(body) {
    const banner = document.getElementById('fictitious');
    if (banner && body && body.dataset && body.dataset.fictitious) banner.hidden = false;
  }

  const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  /** GeoJSON features in {@code dataCode} (CRS84 unless the request asked for crs=EPSG:28992) into the map's projection. */
  function readFeatures(fc, projection, dataCode) {
    const code = typeof projection === 'string' ? projection : projection.getCode();
    return new ol.format.GeoJSON({ dataProjection: dataCode || 'EPSG:4326', featureProjection: code }).readFeatures(fc);
  }

  // The background from our own layers, so no visitor request goes to a third party (AVG). Roles the dataset
  // lacks (water in the demo, say) are not asked for.
  const BACKGROUND = [
    { role: 'water', fill: 'rgba(150,190,230,0.8)', stroke: '#5b8fc7' },
    { role: 'agricultural_plot', fill: 'rgba(214,196,120,0.45)', stroke: '#a08c3c' },
    { role: 'business_park', fill: 'rgba(170,150,200,0.45)', stroke: '#7a5fa0' },
    { role: 'recreation_zone', fill: 'rgba(120,190,120,0.5)', stroke: '#2f7d32' },
    { role: 'built_up_area', fill: 'rgba(230,200,190,0.45)', stroke: '#b07060' },
    { role: 'building', fill: 'rgba(150,130,120,0.8)', stroke: '#6b5a50', maxScaleDenominator: 10000 },
    { role: 'road', stroke: '#ffffff', casing: '#888888', width: 3 }
  ];
  // Scales as ground distance, the same in every projection: a layer shows at 1:maxScaleDenominator and larger
  // scales (SLD's MaxScaleDenominator). A zoom number would not do: RD New's zoom 0 is ~3,440 m per pixel, Web
  // Mercator's 156,543 m at the equator (~95,000 m here), so one minZoom means two different scales.
  const OVERVIEW_SCALE = 150000;
  // Pages of 1000 features, following the answer's next link; the cap keeps a zoomed-out view of a large
  // municipality from loading everything (zoom in to see the rest).
  const PAGE_LIMIT = 1000, MAX_PAGES = 20;

  let overview = null;
  /** GET /api/v1/layers once per page: the roles present, the extent, the dataset block. */
  function layerOverview() {
    if (!overview) overview = getJson('/api/v1/layers').catch(err => { overview = null; throw err; });
    return overview;
  }

  async function loadAll(url, projection) {
    const features = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const fc = await getJson(url);
      const asked = new URL(url, location.href).searchParams.get('crs');
      features.push(...readFeatures(fc, projection, asked === 'EPSG:28992' ? 'EPSG:28992' : 'EPSG:4326'));
      const next = (fc.links || []).find(l => l.rel === 'next');
      url = next ? next.href : null;
    }
    return features;
  }

  // In RD New the server sends RD New (RDNAPTRANS, exact); in Web Mercator it sends CRS84 and OpenLayers projects.
  function layerUrl(role, extent, projection) {
    if (projection.getCode() === 'EPSG:28992') {
      return '/api/v1/layers/' + role + '?limit=' + PAGE_LIMIT + '&crs=EPSG:28992&bbox-crs=EPSG:28992&bbox='
        + extent.map(v => v.toFixed(2)).join(',');
    }
    const b = ol.proj.transformExtent(extent, projection, 'EPSG:4326').map(v => v.toFixed(6));
    return '/api/v1/layers/' + role + '?limit=' + PAGE_LIMIT + '&bbox=' + b.join(',');
  }

  function backgroundLayer(spec) {
    const source = new ol.source.Vector({
      strategy: ol.loadingstrategy.bbox,
      loader: (extent, resolution, projection, success, failure) => {
        layerOverview()
          .then(body => body.layers.some(l => l.role === spec.role)
            ? loadAll(layerUrl(spec.role, extent, projection), projection)
            : [])
          .then(fs => { source.addFeatures(fs); success(fs); })
          .catch(() => { source.removeLoadedExtent(extent); failure(); });
      }
    });
    const style = spec.casing
      ? [new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.casing, width: spec.width + 2 }) }),
         new ol.style.Style({ stroke: new ol.style.Stroke({ color: spec.stroke, width: spec.width }) })]
      : new ol.style.Style({ fill: new ol.style.Fill({ color: spec.fill }), stroke: new ol.style.Stroke({ color: spec.stroke, width: 1 }) });
    return new ol.layer.Vector({ source, style,
      properties: { role: spec.role, background: true, maxScaleDenominator: spec.maxScaleDenominator || OVERVIEW_SCALE } });
  }

  function backgroundLayers() { return BACKGROUND.map(backgroundLayer); }

  /**
   * The base map the deployment configured (GET /api/v1/map-config), put under all layers: nothing by default
   * (our own layers are the background; no third party), PDOK's BRT-Achtergrondkaart tiles with their
   * attribution when background=pdok-brt. The server's Content-Security-Policy allows exactly that tile host.
   */
  function configuredBackground(map) {
    return getJson('/api/v1/map-config').then(cfg => {
      if (cfg && cfg.background === 'pdok-brt') {
        map.getLayers().insertAt(0, new ol.layer.Tile({
          source: new ol.source.XYZ({ url: cfg.url, attributions: cfg.attribution, maxZoom: cfg.maxZoom, crossOrigin: 'anonymous' }),
          properties: { role: 'basemap', background: true }
        }));
      }
      return cfg;
    }).catch(() => null);
  }

  /** Fits the map to the dataset's extent and shows the fictitious banner; resolves to /api/v1/layers. */
  function fitToDataset(map) {
    return layerOverview().then(body => {
      const bbox = body.bbox || (body.layers && body.layers[0] && body.layers[0].bbox);
      if (bbox) map.getView().fit(ol.proj.transformExtent(bbox, 'EPSG:4326', map.getView().getProjection()), { padding: [20, 20, 20, 20] });
      noteDataset(body);
      return body;
    });
  }

  // ---- the map's projection: Web Mercator (default) or RD New (rd.js), chosen with ?proj=rd or the switch ----
  const PROJECTIONS = { mercator: 'EPSG:3857', rd: 'EPSG:28992' };

  /**
   * The projection code the page starts in: the page's own choice (the check page's link), else ?proj=rd|mercator,
   * else the visitor's last choice in this tab, else Web Mercator.
   */
  function initialProjection(preferred) {
    const asked = preferred || new URLSearchParams(location.search).get('proj') || sessionStorage.getItem('plektoets.proj');
    return PROJECTIONS[asked] && ol.proj.get(PROJECTIONS[asked]) ? PROJECTIONS[asked] : PROJECTIONS.mercator;
  }

  /** 'rd' or 'mercator' for a projection code (the value of the switch, ?proj= and the check page's link). */
  function projectionKey(code) {
    return Object.keys(PROJECTIONS).find(k => PROJECTIONS[k] === code);
  }

  /** A view in {@code code}; without a resolution the country at the scale of Web Mercator's zoom 8. */
  function createView(code, center, resolution) {
    const view = new ol.View({ projection: code, center: center || ol.proj.fromLonLat([5.3, 52.2], code) });
    view.setResolution(resolution || resolutionForZoom(view, 8));
    return view;
  }

  /**
   * Switches the map to another projection: the view keeps its centre and scale, every page layer's features
   * are transformed, the background is fetched anew (in RD New straight from the server, no client transform).
   */
  function setProjection(map, code) {
    const view = map.getView(), from = view.getProjection();
    if (from.getCode() === code || !ol.proj.get(code)) return;
    const center = ol.proj.transform(view.getCenter(), from, code);
    // the same ground distance per pixel at the centre
    const metresPerPixel = ol.proj.getPointResolution(from, view.getResolution(), view.getCenter());
    const resolution = metresPerPixel / ol.proj.getPointResolution(code, 1, center);
    map.getLayers().forEach(layer => {
      const source = layer.getSource && layer.getSource();
      if (!(source instanceof ol.source.Vector)) return;
      if (layer.get('background')) source.clear(true);
      else source.getFeatures().forEach(f => f.getGeometry() && f.getGeometry().transform(from, code));
    });
    map.setView(createView(code, center, resolution));
    const key = projectionKey(code);
    sessionStorage.setItem('plektoets.proj', key);
    const select = document.getElementById('projection');
    if (select) select.value = key;
  }

  /** Wires a #projection select (values mercator, rd) to the map. */
  function projectionSwitch(map) {
    const select = document.getElementById('projection');
    if (!select) return;
    select.value = projectionKey(map.getView().getProjection().getCode());
    select.addEventListener('change', () => setProjection(map, PROJECTIONS[select.value]));
  }

  // ---- scale: ground metres per pixel, so thresholds and zoom steps mean the same in both projections ----
  // OGC's standard rendering pixel (0.28 mm, WMS/SLD): 1:10,000 is 2.8 m on the ground per pixel
  const PIXEL_M = 0.00028;
  // Web Mercator's resolution at zoom 0 (OpenLayers' default view); zooms in links and code are Web Mercator zooms
  const MERCATOR_ZOOM0 = 156543.03392804097;

  /** Metres on the ground per pixel at {@code at} (default the view's centre). */
  function groundResolution(view, at) {
    return ol.proj.getPointResolution(view.getProjection(), view.getResolution(), at || view.getCenter());
  }

  /** The view's resolution (its own units per pixel) that shows {@code metres} of ground per pixel at {@code at}. */
  function resolutionForGround(view, metres, at) {
    return metres / ol.proj.getPointResolution(view.getProjection(), 1, at || view.getCenter());
  }

  /** The ground a Web Mercator view at {@code zoom} shows per pixel at {@code at} (a coordinate of the view). */
  function groundOfMercatorZoom(view, zoom, at) {
    const mercator = ol.proj.transform(at || view.getCenter(), view.getProjection(), 'EPSG:3857');
    return ol.proj.getPointResolution('EPSG:3857', MERCATOR_ZOOM0 / Math.pow(2, zoom), mercator);
  }

  /** The view's resolution showing the ground as a Web Mercator view at {@code zoom} does (the same in Web Mercator). */
  function resolutionForZoom(view, zoom, at) {
    return resolutionForGround(view, groundOfMercatorZoom(view, zoom, at), at);
  }

  /** The Web Mercator zoom with the view's ground resolution at its centre (the view's own zoom in Web Mercator). */
  function mercatorZoom(view) {
    const ground = groundResolution(view);
    return Math.log2(groundOfMercatorZoom(view, 0) / ground);
  }

  /** "1:10.000" in the language's digits. */
  function scaleText(denominator, lang) {
    return '1:' + denominator.toLocaleString(lang === 'en' ? 'en-GB' : lang || 'nl');
  }

  /**
   * Every layer with a maxScaleDenominator gets the maxResolution in view units that is that scale at the view's
   * centre; again for a new view (a projection switch) and after a move (the scale factor varies a few per cent
   * over the country in Web Mercator).
   */
  function keepScaleLimits(map) {
    const apply = () => {
      const view = map.getView();
      if (!view.getCenter() || !view.getProjection()) return;
      map.getLayers().forEach(layer => {
        const denominator = layer.get('maxScaleDenominator');
        if (!denominator) return;
        const wanted = resolutionForGround(view, denominator * PIXEL_M);
        const now = layer.getMaxResolution();
        if (!Number.isFinite(now) || Math.abs(now - wanted) > wanted * 0.002) layer.setMaxResolution(wanted);
      });
    };
    apply();
    map.on('change:view', apply);
    map.on('moveend', apply);
    map.getLayers().on('add', apply);
  }

  /** [lon, lat] into the map's projection and back. */
  const fromLonLat = (lonLat, map) => ol.proj.fromLonLat(lonLat, map.getView().getProjection());
  const toLonLat = (coordinate, map) => ol.proj.toLonLat(coordinate, map.getView().getProjection());

  return { i18n, keepLangInUrl, getJson, errorText, noteDataset, geojson, readFeatures, BACKGROUND, backgroundLayers, configuredBackground,
    layerOverview, fitToDataset, initialProjection, projectionKey, PROJECTIONS, createView, setProjection, projectionSwitch, fromLonLat, toLonLat,
    OVERVIEW_SCALE, PIXEL_M, groundResolution, resolutionForGround, resolutionForZoom, mercatorZoom, scaleText, keepScaleLimits };
})();
