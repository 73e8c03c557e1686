// Romanian (română): the check, the room-rental page and the policy page for the labour migrants the policy addresses
// (Beleidskader §4.1.2: the municipal website as their starting point; §2.2: most are Polish, then Romanian).
// Translated by the development team, to be checked by a native speaker before publication. A key missing here
// falls back to English (fallback below), then Dutch. The planner view stays Dutch/English and does not load this file.
'use strict';
window.PLEKTOETS_TEXTS = window.PLEKTOETS_TEXTS || {};
window.PLEKTOETS_TEXTS.ro = {
  languageName: 'Română',
  locale: 'ro-RO',
  // a text this file lacks, and the server's criterion messages (written in nl and en only), in English
  fallback: 'en',
  common: {
    // an address not found or matching several, said in the page's language (the server's detail is English)
    addressNotFound: 'Această adresă nu este în date. Scrieți-o ca „Strada 12, Localitate”.',
    addressAmbiguous: 'Se potrivește cu mai multe adrese; adăugați localitatea sau codul poștal.', addressCandidates: 'Ați vrut să spuneți',
    language: 'Limba',
    fictitious: 'Atenție: acestea sunt date fictive (demo), nu un loc real.',
    networkFailed: 'Serverul nu poate fi contactat. Încercați din nou mai târziu.',
    // the page navigation in the header of every page
    navLabel: 'Pagini',
    navCheck: 'Verificați o locație',
    navRental: 'Închirierea de camere pe stradă',
    navPlanner: 'Pentru planificatori',
    navPolicy: 'Textul politicii',
    // shown once by an answer when the server's messages are not in this language (they exist in nl and en)
    messagesLanguage: 'Explicațiile rezultatului conform politicii municipalității sunt afișate în limba engleză.'
  },
  check: {
    title: 'plektoets: cazarea lucrătorilor migranți',
    projection: 'Hartă', mercator: 'Web Mercator', rd: 'RD New (rețeaua națională olandeză)',
    checkHeading: 'Verificați o locație',
    addressLabel: 'Căutați o adresă',
    clickHint: 'Sau faceți clic pe hartă pentru a alege un punct.',
    pointChosen: 'Punct ales',
    drawPolygon: 'Desenați o suprafață',
    drawing: 'Faceți clic pe colțuri pe hartă; faceți clic pe primul punct sau dublu clic pentru a termina (Esc anulează).',
    polygonChosen: 'Suprafață desenată',
    formLabel: 'Forma de cazare',
    room_rental: 'Închiriere de camere',
    housing_facility: 'Unitate de cazare',
    personsLabel: 'Număr de persoane',
    submit: 'Verificați',
    noSite: 'Alegeți mai întâi o adresă sau faceți clic pe hartă.',
    busy: 'Se verifică...',
    verdictLabel: 'Rezultat',
    verdicts: { allowed: 'Permis', conditional: 'Cu condiții', not_allowed: 'Nepermis' },
    statuses: { pass: 'îndeplinit', conditional: 'condiție', fail: 'neîndeplinit', unknown: 'necunoscut' },
    locationClass: 'Tipul locației',
    locationClasses: {
      agricultural_plot: 'parcelă de construcție agricolă (agrarisch bouwvlak)', business_park_edge: 'marginea unei zone industriale',
      business_park_interior: 'interiorul unei zone industriale', built_up_area: 'zonă construită',
      rural_existing_building: 'zonă rurală, clădire existentă', rural_other: 'zonă rurală'
    },
    policyRef: 'Politică',
    evidence: 'Dovadă',
    criteria: {
      recreation_exclusion: 'Nu pe un teren de agrement', location_class: 'Locație', capacity: 'Număr de persoane',
      fire_safety: 'Siguranța la incendiu', permit_term: 'Durata autorizației', facility_reach: 'Servicii în apropiere',
      room_rental_street: 'Închirierea de camere pe stradă'
    },
    requestFailed: 'Verificarea a eșuat',
    mapLabel: 'Hartă; faceți clic pentru a alege un punct. Săgețile deplasează harta, + și - măresc',
    useCentre: 'Folosiți centrul hărții (crucea)',
    centreHint: 'Fără mouse: mergeți cu Tab la hartă, deplasați-o cu săgețile până când crucea este pe locație, apoi alegeți acest buton.',
    legendHeading: 'Pe hartă',
    layers: { deciding: 'Elementul decisiv (zona care decide rezultatul)', facilities: 'Cele mai apropiate servicii (minute pe jos/cu bicicleta; linia este în linie dreaptă)' },
    bandLegend: 'Fâșia de margine a zonei industriale: {inside} m în interior și {outside} m în afara limitei (§5.1.2)',
    walkingLegend: 'Accesibil în {minutes} minute pe jos (Bijlage 1)',
    cyclingLegend: 'Accesibil în {minutes} minute cu bicicleta (Bijlage 1)',
    walkMinutes: '{minutes} min pe jos',
    cycleMinutes: '{minutes} min cu bicicleta',
    facilityCategories: { supermarket: 'supermarket', general_practitioner: 'medic de familie', public_transport_stop: 'stație de transport public', pharmacy: 'farmacie' },
    reachFailed: 'Accesibilitatea nu a putut fi desenată',
    bandFailed: 'Fâșia de margine nu a putut fi desenată',
    readParagraph: 'Citiți {label} în politică',
    copyLink: 'Copiați linkul',
    linkCopied: 'Linkul este în clipboard.',
    linkCopyManual: 'Copiați linkul din câmpul de mai sus.',
    shareLabel: 'Link către această verificare',
    print: 'Tipărire (A4)',
    printedOn: 'Tipărit la',
    datasetLabel: 'Date',
    badLink: 'O parte a linkului nu poate fi folosită și a fost ignorată',
    badLinkParam: '{name} = "{value}"'
  },
  rental: {
    title: 'Închirierea de camere pe stradă',
    projection: 'Hartă', mercator: 'Web Mercator', rd: 'RD New (rețeaua națională olandeză)',
    searchHeading: 'Se mai pot închiria camere la adresa mea?', addressLabel: 'Adresa (strada și numărul, localitatea)',
    submit: 'Căutați', streetsHeading: 'Străzi', street: 'Strada', dwellings: 'Locuințe', limit: 'Maxim', left: 'Disponibil',
    statuses: { available: 'Mai este loc', almost_full: 'Aproape plină', full: 'Plină', not_applicable: 'Închirierea camerelor nu este posibilă aici: mai puțin de {n} locuințe' },
    notFull: 'Nu este plină', notPossible: 'Nu este posibil', indicative: 'orientativ, încă neadoptat',
    limitBy: { share: '{p}% din locuințe', minimum: 'cel puțin {m} de la {n} locuințe', below_minimum: 'mai puțin de {n} locuințe', count: 'cel mult {c} pe stradă' },
    legendShare: 'Maxim pe stradă: {p}% din locuințe, rotunjit în jos; cel puțin {m} de la {n} locuințe', legendCount: 'Maxim pe stradă: {c}',
    legendCounts: 'Străzi cu mai puțin de {k} locuințe: doar dacă strada este plină, fără cifre',
    answers: { pass: 'Da, aici mai este loc pentru o autorizație.', conditional: 'Poate: cererile în curs pot umple strada.', fail: 'Nu, strada este plină.', unknown: 'Necunoscut.' },
    dataDate: 'Situația la', noLimit: 'fără',
    disclaimer: 'Această hartă este orientativă; decide numai autorizația însăși. Ceva nu este corect? Semnalați mai jos.',
    failed: 'Cererea a eșuat', mapLabel: 'Harta străzilor; faceți clic pe o stradă pentru cifrele ei',
    addressPlaceholder: 'Strada 12, Localitatea', clickHint: 'Sau faceți clic pe o stradă pe hartă.', legendLabel: 'Legendă',
    reportHeading: 'Ceva nu este corect? Semnalați',
    reportIntro: 'Are o stradă un număr greșit de locuințe sau autorizații? Anunțați primăria. Nu primiți un răspuns la fiecare semnalare; primăria o verifică.',
    reportStreet: 'Strada', reportChooseStreet: '(alegeți o stradă)',
    reportMessage: 'Ce nu este corect?',
    reportPrivacy: 'Nu introduceți date personale: fără nume, numere de telefon, adrese de e-mail sau cine unde locuiește. Descrieți doar ce nu este corect.',
    reportSubmit: 'Trimiteți semnalarea',
    reportReceived: 'Vă mulțumim. Semnalarea dumneavoastră a fost primită (numărul {reference}).',
    reportFailed: 'Trimiterea a eșuat',
    reportTooMany: 'Ați trimis deja multe semnalări în ultima oră. Încercați din nou peste {minutes} min.',
    reportBadMessage: 'Descrieți ce nu este corect în 10 până la 2000 de caractere (fără date personale).',
    reportNoStreet: 'Alegeți mai întâi strada despre care este vorba.'
  },
  policy: {
    title: 'Cadrul de politică privind cazarea lucrătorilor migranți: textul',
    back: 'Înapoi la verificare',
    listHeading: 'Toate paragrafele',
    thresholdsHeading: 'Valori din profilul de politică care citează acest paragraf',
    noThresholds: 'Profilul de politică nu preia valori din acest paragraf.',
    units: { categories: 'categorii', 'km/h': 'km/h', m: 'm', m2: 'm²', minutes: 'minute', persons: 'persoane', years: 'ani' },
    key: 'Setare', value: 'Valoare', note: 'Notă',
    chooseParagraph: 'Alegeți un paragraf din listă.',
    notFound: 'Acest paragraf nu a fost găsit',
    loadFailed: 'Politica nu a putut fi încărcată',
    adopted: 'adoptat',
    source: 'Sursa: Gemeenteblad, monitorul oficial al municipalității; ca publicație oficială, fără drepturi de autor (art. 11 din legea olandeză a dreptului de autor). Text în forma publicată.',
    textLanguage: 'Textul politicii este în neerlandeză, așa cum l-a adoptat consiliul local.'
  }
};
