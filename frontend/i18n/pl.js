// Polish (polski): the check, the room-rental page and the policy page for the labour migrants the policy addresses
// (Beleidskader §4.1.2: the municipal website as their starting point; §2.2: most are Polish, then Romanian).
// Translated by the development team, to be checked by a native speaker before publication. A key missing here
// falls back to English (fallback below), then Dutch. The planner view stays Dutch/English and does not load this file.
'use strict';
window.PLEKTOETS_TEXTS = window.PLEKTOETS_TEXTS || {};
window.PLEKTOETS_TEXTS.pl = {
  languageName: 'Polski',
  locale: 'pl-PL',
  // a text this file lacks, and the server's criterion messages (written in nl and en only), in English
  fallback: 'en',
  common: {
    // an address not found or matching several, said in the page's language (the server's detail is English)
    addressNotFound: 'Tego adresu nie ma w danych. Wpisz go jako „Ulica 12, Miejscowość”.',
    addressAmbiguous: 'Pasuje do więcej niż jednego adresu; dodaj miejscowość lub kod pocztowy.', addressCandidates: 'Czy chodzi o',
    language: 'Język',
    fictitious: 'Uwaga: to są dane fikcyjne (demo), nie prawdziwe miejsce.',
    networkFailed: 'Brak połączenia z serwerem. Spróbuj ponownie później.',
    // the page navigation in the header of every page
    navLabel: 'Strony',
    navCheck: 'Sprawdź lokalizację',
    navRental: 'Wynajem pokoi na ulicy',
    navPlanner: 'Dla planistów',
    navPolicy: 'Tekst polityki',
    // shown once by an answer when the server's messages are not in this language (they exist in nl and en)
    messagesLanguage: 'Uzasadnienia wyniku według polityki gminy są wyświetlane po angielsku.'
  },
  check: {
    title: 'plektoets: zakwaterowanie pracowników migrujących',
    projection: 'Mapa', mercator: 'Web Mercator', rd: 'RD New (holenderska siatka krajowa)',
    checkHeading: 'Sprawdź lokalizację',
    addressLabel: 'Szukaj adresu',
    clickHint: 'Albo kliknij na mapie, aby wybrać punkt.',
    pointChosen: 'Wybrany punkt',
    drawPolygon: 'Narysuj obszar',
    drawing: 'Kliknij narożniki na mapie; kliknij pierwszy punkt lub kliknij dwukrotnie, aby zakończyć (Esc anuluje).',
    polygonChosen: 'Narysowany obszar',
    formLabel: 'Forma zakwaterowania',
    room_rental: 'Wynajem pokoi',
    housing_facility: 'Obiekt zakwaterowania',
    personsLabel: 'Liczba osób',
    submit: 'Sprawdź',
    noSite: 'Najpierw wybierz adres lub kliknij na mapie.',
    busy: 'Sprawdzanie...',
    verdictLabel: 'Wynik',
    verdicts: { allowed: 'Dozwolone', conditional: 'Pod warunkami', not_allowed: 'Niedozwolone' },
    statuses: { pass: 'spełnia', conditional: 'warunek', fail: 'nie spełnia', unknown: 'nieznane' },
    locationClass: 'Rodzaj lokalizacji',
    locationClasses: {
      agricultural_plot: 'działka zabudowy rolniczej (agrarisch bouwvlak)', business_park_edge: 'skraj terenu przemysłowego',
      business_park_interior: 'wnętrze terenu przemysłowego', built_up_area: 'teren zabudowany',
      rural_existing_building: 'teren wiejski, istniejący budynek', rural_other: 'teren wiejski'
    },
    policyRef: 'Polityka',
    evidence: 'Dowód',
    criteria: {
      recreation_exclusion: 'Nie na terenie rekreacyjnym', location_class: 'Lokalizacja', capacity: 'Liczba osób',
      fire_safety: 'Bezpieczeństwo pożarowe', permit_term: 'Okres pozwolenia', facility_reach: 'Usługi w pobliżu',
      room_rental_street: 'Wynajem pokoi na ulicy'
    },
    requestFailed: 'Sprawdzenie nie powiodło się',
    mapLabel: 'Mapa; kliknij, aby wybrać punkt. Strzałki przesuwają, + i - powiększają',
    useCentre: 'Wybierz środek mapy (krzyżyk)',
    centreHint: 'Bez myszy: przejdź klawiszem Tab do mapy, przesuń ją strzałkami, aż krzyżyk będzie na miejscu, i wybierz ten przycisk.',
    legendHeading: 'Na mapie',
    layers: { deciding: 'Cecha rozstrzygająca (obszar, który decyduje o wyniku)', facilities: 'Najbliższe usługi (minuty pieszo/rowerem; linia w linii prostej)' },
    bandLegend: 'Pas skraju terenu przemysłowego: {inside} m wewnątrz i {outside} m na zewnątrz granicy (§5.1.2)',
    walkingLegend: 'Zasięg {minutes} minut pieszo (Bijlage 1)',
    cyclingLegend: 'Zasięg {minutes} minut rowerem (Bijlage 1)',
    walkMinutes: '{minutes} min pieszo',
    cycleMinutes: '{minutes} min rowerem',
    facilityCategories: { supermarket: 'supermarket', general_practitioner: 'lekarz rodzinny', public_transport_stop: 'przystanek komunikacji publicznej', pharmacy: 'apteka' },
    reachFailed: 'Nie można narysować zasięgu',
    bandFailed: 'Nie można narysować pasa skraju',
    readParagraph: 'Przeczytaj {label} w polityce',
    copyLink: 'Kopiuj link',
    linkCopied: 'Link jest w schowku.',
    linkCopyManual: 'Skopiuj link z pola powyżej.',
    shareLabel: 'Link do tego sprawdzenia',
    print: 'Drukuj (A4)',
    printedOn: 'Wydrukowano',
    datasetLabel: 'Dane',
    badLink: 'Część linku nie może zostać użyta i została pominięta',
    badLinkParam: '{name} = "{value}"'
  },
  rental: {
    title: 'Wynajem pokoi na ulicy',
    projection: 'Mapa', mercator: 'Web Mercator', rd: 'RD New (holenderska siatka krajowa)',
    searchHeading: 'Czy pod moim adresem można jeszcze wynajmować pokoje?', addressLabel: 'Adres (ulica i numer, miejscowość)',
    submit: 'Szukaj', streetsHeading: 'Ulice', street: 'Ulica', dwellings: 'Mieszkania', limit: 'Maksimum', left: 'Wolne',
    statuses: { available: 'Jest miejsce', almost_full: 'Prawie pełna', full: 'Pełna', not_applicable: 'Wynajem pokoi nie jest tu możliwy: mniej niż {n} mieszkań' },
    notFull: 'Nie jest pełna', notPossible: 'Niemożliwe', indicative: 'orientacyjnie, jeszcze nie uchwalone',
    limitBy: { share: '{p}% mieszkań', minimum: 'co najmniej {m} od {n} mieszkań', below_minimum: 'mniej niż {n} mieszkań', count: 'najwyżej {c} na ulicę' },
    legendShare: 'Maksimum na ulicę: {p}% mieszkań, w dół; co najmniej {m} od {n} mieszkań', legendCount: 'Maksimum na ulicę: {c}',
    legendCounts: 'Ulice z mniej niż {k} mieszkaniami: tylko czy ulica jest pełna, bez liczb',
    answers: { pass: 'Tak, jest tu jeszcze miejsce na pozwolenie.', conditional: 'Być może: złożone wnioski mogą zapełnić ulicę.', fail: 'Nie, ulica jest pełna.', unknown: 'Nieznane.' },
    dataDate: 'Stan na', noLimit: 'brak',
    disclaimer: 'Ta mapa ma charakter orientacyjny; rozstrzyga tylko samo pozwolenie. Coś się nie zgadza? Zgłoś to poniżej.',
    failed: 'Zapytanie nie powiodło się', mapLabel: 'Mapa ulic; kliknij ulicę, aby zobaczyć jej liczby',
    addressPlaceholder: 'Ulica 12, Miejscowość', clickHint: 'Albo kliknij ulicę na mapie.', legendLabel: 'Legenda',
    reportHeading: 'Coś się nie zgadza? Zgłoś to',
    reportIntro: 'Czy przy ulicy podano błędną liczbę mieszkań lub pozwoleń? Daj znać gminie. Na zgłoszenia nie odpowiadamy pojedynczo; gmina je sprawdza.',
    reportStreet: 'Ulica', reportChooseStreet: '(wybierz ulicę)',
    reportMessage: 'Co się nie zgadza?',
    reportPrivacy: 'Nie podawaj danych osobowych: żadnych nazwisk, numerów telefonów, adresów e-mail ani informacji, kto gdzie mieszka. Opisz tylko, co się nie zgadza.',
    reportSubmit: 'Wyślij zgłoszenie',
    reportReceived: 'Dziękujemy. Twoje zgłoszenie zostało przyjęte (numer {reference}).',
    reportFailed: 'Wysyłanie nie powiodło się',
    reportTooMany: 'W ostatniej godzinie wysłano już wiele zgłoszeń. Spróbuj ponownie za {minutes} min.',
    reportBadMessage: 'Opisz, co się nie zgadza, w 10 do 2000 znaków (bez danych osobowych).',
    reportNoStreet: 'Najpierw wybierz ulicę, której to dotyczy.'
  },
  policy: {
    title: 'Ramy polityki zakwaterowania pracowników migrujących: tekst',
    back: 'Wróć do sprawdzenia',
    listHeading: 'Wszystkie paragrafy',
    thresholdsHeading: 'Wartości z profilu polityki, które powołują się na ten paragraf',
    noThresholds: 'Profil polityki nie bierze z tego paragrafu żadnych wartości.',
    units: { categories: 'kategorie', 'km/h': 'km/h', m: 'm', m2: 'm²', minutes: 'minuty', persons: 'osoby', years: 'lata' },
    key: 'Ustawienie', value: 'Wartość', note: 'Uwaga',
    chooseParagraph: 'Wybierz paragraf z listy.',
    notFound: 'Nie znaleziono tego paragrafu',
    loadFailed: 'Nie można wczytać polityki',
    adopted: 'przyjęto',
    source: 'Źródło: Gemeenteblad, dziennik urzędowy gminy; jako publikacja urzędowa wolna od praw autorskich (art. 11 holenderskiej ustawy o prawie autorskim). Tekst w brzmieniu opublikowanym.',
    textLanguage: 'Tekst polityki jest po niderlandzku, tak jak przyjęła go rada gminy.'
  }
};
