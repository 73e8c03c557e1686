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
  planner: {
    title: 'plektoets: plannersweergave',
    projection: 'Kaart', mercator: 'Web Mercator', rd: 'RD New (Rijksdriehoek)',
    navCheck: 'Locatie toetsen', navRental: 'Kamerverhuur per straat',
    layersHeading: 'Lagen', layersHint: 'Vink een laag aan of uit. Klik op de kaart (of druk Enter op de kaart voor het midden) om te zien wat daar ligt en waar het vandaan komt.',
    roles: {
      agricultural_plot: 'Agrarisch bouwvlak', business_park: 'Bedrijventerrein', recreation_zone: 'Recreatieterrein',
      built_up_area: 'Bebouwde kom', village: 'Kern', building: 'Gebouw', address: 'Adres', facility: 'Voorziening',
      road: 'Weg', water: 'Water'
    },
    features: 'objecten', zoomIn: 'zichtbaar vanaf zoom',
    hereHeading: 'Op deze plek', hereNone: 'Hier ligt niets van de zichtbare lagen.', hereBusy: 'Bezig met opvragen...',
    distance: 'afstand', source: 'Bron', sourceId: 'bron-id', sourceTag: 'herkend aan',
    plan: 'Plan', bestemming: 'Bestemming', article: 'Artikel', planStatus: 'status',
    loginHeading: 'Inloggen (planners)', tokenLabel: 'Token', login: 'Inloggen', logout: 'Uitloggen',
    loggedIn: 'Ingelogd. Het token blijft alleen in dit tabblad bewaard.',
    loginHint: 'Het register en het overzicht zijn alleen voor planners. Het token staat in het tokenbestand van de beheerder.',
    tokenMissing: 'Vul eerst een token in.',
    unauthorized: 'Dit token is onbekend bij de server (401). Controleer het token of vraag de beheerder om een nieuw.',
    forbidden: 'Dit token heeft niet de rol planner (403); vraag de beheerder om een plannerstoken.',
    initiativesHeading: 'Initiatieven', initiativesNone: 'Nog geen initiatieven.',
    initiative: 'Initiatief', initiator: 'Initiatiefnemer', form: 'Woonvorm', persons: 'Personen', status: 'Status', step: 'Laatste stap',
    forms: { room_rental: 'Kamerverhuur', housing_facility: 'Huisvestingsvoorziening' },
    initiativeStatuses: {
      reported: 'gemeld', intake: 'intake', assessment: 'beoordeling', permit_applied: 'vergunning aangevraagd',
      granted: 'verleend', refused: 'geweigerd', realised: 'gerealiseerd', ended: 'beëindigd'
    },
    permitsHeading: 'Kamerverhuurvergunningen per straat', permitsNone: 'Nog geen vergunningen.',
    street: 'Straat', permits: 'Vergunningen', limit: 'Maximum', left: 'Nog vrij', noLimit: 'geen',
    permitStatuses: { applied: 'aangevraagd', granted: 'verleend', refused: 'geweigerd', withdrawn: 'ingetrokken', expired: 'verlopen' },
    streetStatuses: { available: 'ruimte', almost_full: 'bijna vol', full: 'vol' },
    unplaced: 'Niet op een straat te plaatsen',
    zoomTo: 'Zoom naar',
    overviewHeading: 'Overzicht: waar kan huisvesting?',
    overviewHint: 'Elk adres getoetst voor de gekozen woonvorm en het aantal personen (kan bij de eerste keer enkele seconden duren).',
    newBuild: 'Nieuwbouw', showOverview: 'Overzicht tonen', overviewBusy: 'Bezig met toetsen van alle adressen...',
    verdicts: { allowed: 'Toegestaan', conditional: 'Onder voorwaarden', not_allowed: 'Niet toegestaan', error: 'Niet te toetsen' },
    addresses: 'Adressen', town: 'Kern', total: 'Totaal', computedIn: 'berekend in', cached: 'uit de cache',
    failed: 'Het opvragen is mislukt', mapLabel: 'Kaart; klik om te zien wat er ligt'
  },
  policy: {}
};
