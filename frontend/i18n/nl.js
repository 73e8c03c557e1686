// Dutch: every text of every page, one section per page (common is shared). A new language is a copy of this
// file under its code (pl.js, ro.js), a <script> line in each page; the language switch lists it by itself.
'use strict';
window.PLEKTOETS_TEXTS = window.PLEKTOETS_TEXTS || {};
window.PLEKTOETS_TEXTS.nl = {
  languageName: 'Nederlands',
  common: {
    language: 'Taal',
    fictitious: 'Let op: dit zijn fictieve gegevens (demo), geen echte plaats.',
    networkFailed: 'De server is niet bereikbaar. Probeer het later opnieuw.'
  },
  check: {
    title: 'plektoets: huisvesting arbeidsmigranten',
    checkHeading: 'Locatie toetsen',
    addressLabel: 'Adres zoeken',
    clickHint: 'Of klik op de kaart om een punt te kiezen.',
    pointChosen: 'Gekozen punt',
    drawPolygon: 'Vlak tekenen',
    drawing: 'Klik de hoekpunten op de kaart; klik het eerste punt of dubbelklik om af te sluiten (Esc breekt af).',
    polygonChosen: 'Getekend vlak',
    formLabel: 'Woonvorm',
    room_rental: 'Kamerverhuur',
    housing_facility: 'Huisvestingsvoorziening',
    personsLabel: 'Aantal personen',
    submit: 'Toetsen',
    noSite: 'Kies eerst een adres of klik op de kaart.',
    busy: 'Bezig met toetsen...',
    verdictLabel: 'Uitkomst',
    verdicts: { allowed: 'Toegestaan', conditional: 'Onder voorwaarden', not_allowed: 'Niet toegestaan' },
    statuses: { pass: 'voldoet', conditional: 'voorwaarde', fail: 'voldoet niet', unknown: 'onbekend' },
    locationClass: 'Locatieklasse',
    locationClasses: {
      agricultural_plot: 'agrarisch bouwvlak', business_park_edge: 'rand van een bedrijventerrein',
      business_park_interior: 'binnenkant van een bedrijventerrein', built_up_area: 'bebouwde kom',
      rural_existing_building: 'buitengebied, bestaand gebouw', rural_other: 'buitengebied'
    },
    policyRef: 'Beleid',
    evidence: 'Bewijs',
    criteria: {
      recreation_exclusion: 'Geen recreatieterrein', location_class: 'Locatie', capacity: 'Aantal personen',
      fire_safety: 'Brandveiligheid', permit_term: 'Vergunningstermijn', facility_reach: 'Voorzieningen',
      room_rental_street: 'Kamerverhuur in de straat'
    },
    requestFailed: 'De toets is mislukt',
    mapLabel: 'Kaart; klik om een punt te kiezen'
  },
  rental: {
    title: 'Kamerverhuur per straat',
    searchHeading: 'Kan mijn adres nog verkamerd worden?', addressLabel: 'Adres (straat en huisnummer, plaats)',
    submit: 'Zoeken', streetsHeading: 'Straten', street: 'Straat', dwellings: 'Woningen', limit: 'Maximum', left: 'Nog vrij',
    statuses: { available: 'Ruimte', almost_full: 'Bijna vol', full: 'Vol' },
    answers: { pass: 'Ja, hier past nog een vergunning.', conditional: 'Misschien: lopende aanvragen kunnen de straat vullen.', fail: 'Nee, de straat is vol.', unknown: 'Onbekend.' },
    dataDate: 'Stand van', noLimit: 'geen',
    disclaimer: 'Deze kaart geeft een indicatie; alleen de vergunning zelf is beslissend. Klopt er iets niet? Meld het bij de gemeente.',
    failed: 'Het opvragen is mislukt', mapLabel: 'Kaart van de straten'
  },
  planner: {},
  policy: {}
};
