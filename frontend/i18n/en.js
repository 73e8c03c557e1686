// English: every text of every page, one section per page (common is shared); the same keys as nl.js.
'use strict';
window.PLEKTOETS_TEXTS = window.PLEKTOETS_TEXTS || {};
window.PLEKTOETS_TEXTS.en = {
  languageName: 'English',
  common: {
    language: 'Language',
    fictitious: 'Note: this is fictitious data (demo), no real place.',
    networkFailed: 'The server cannot be reached. Please try again later.'
  },
  check: {
    title: 'plektoets: housing for labour migrants',
    checkHeading: 'Check a site',
    addressLabel: 'Search an address',
    clickHint: 'Or click on the map to pick a point.',
    pointChosen: 'Chosen point',
    drawPolygon: 'Draw a polygon',
    drawing: 'Click the corners on the map; click the first point or double-click to finish (Esc cancels).',
    polygonChosen: 'Drawn polygon',
    formLabel: 'Housing form',
    room_rental: 'Room rental',
    housing_facility: 'Housing facility',
    personsLabel: 'Number of persons',
    submit: 'Check',
    noSite: 'First choose an address or click on the map.',
    busy: 'Checking...',
    verdictLabel: 'Verdict',
    verdicts: { allowed: 'Allowed', conditional: 'Conditional', not_allowed: 'Not allowed' },
    statuses: { pass: 'pass', conditional: 'condition', fail: 'fail', unknown: 'unknown' },
    locationClass: 'Location class',
    locationClasses: {
      agricultural_plot: 'agricultural plot (agrarisch bouwvlak)', business_park_edge: 'edge of a business park',
      business_park_interior: 'interior of a business park', built_up_area: 'built-up area',
      rural_existing_building: 'rural area, existing building', rural_other: 'rural area'
    },
    policyRef: 'Policy',
    evidence: 'Evidence',
    criteria: {
      recreation_exclusion: 'No recreation zone', location_class: 'Location', capacity: 'Number of persons',
      fire_safety: 'Fire safety', permit_term: 'Permit term', facility_reach: 'Facilities',
      room_rental_street: 'Room rental in the street'
    },
    requestFailed: 'The check failed',
    mapLabel: 'Map; click to pick a point'
  },
  rental: {
    title: 'Room rental per street',
    searchHeading: 'Can my address still be room-rented?', addressLabel: 'Address (street and number, town)',
    submit: 'Search', streetsHeading: 'Streets', street: 'Street', dwellings: 'Dwellings', limit: 'Maximum', left: 'Left',
    statuses: { available: 'Room left', almost_full: 'Almost full', full: 'Full' },
    answers: { pass: 'Yes, a permit still fits here.', conditional: 'Perhaps: pending applications may fill the street.', fail: 'No, the street is full.', unknown: 'Unknown.' },
    dataDate: 'As of', noLimit: 'none',
    disclaimer: 'This map is an indication; only the permit itself decides. Something wrong? Report it to the municipality.',
    failed: 'The request failed', mapLabel: 'Map of the streets'
  },
  planner: {
    title: 'plektoets: planner view',
    projection: 'Map', mercator: 'Web Mercator', rd: 'RD New (Dutch national grid)',
    navCheck: 'Check a site', navRental: 'Room rental per street',
    layersHeading: 'Layers', layersHint: 'Tick a layer on or off. Click on the map (or press Enter on the map for its centre) to see what lies there and where it comes from.',
    roles: {
      agricultural_plot: 'Agricultural building plot', business_park: 'Business park', recreation_zone: 'Recreation zone',
      built_up_area: 'Built-up area', village: 'Village', building: 'Building', address: 'Address', facility: 'Facility',
      road: 'Road', water: 'Water'
    },
    features: 'features', zoomIn: 'visible from zoom',
    hereHeading: 'At this place', hereNone: 'Nothing of the visible layers lies here.', hereBusy: 'Asking...',
    distance: 'distance', source: 'Source', sourceId: 'source id', sourceTag: 'recognised by',
    plan: 'Plan', bestemming: 'Zoning (bestemming)', article: 'Article', planStatus: 'status',
    loginHeading: 'Log in (planners)', tokenLabel: 'Token', login: 'Log in', logout: 'Log out',
    loggedIn: 'Logged in. The token is kept in this tab only.',
    loginHint: 'The register and the overview are for planners only. The token is in the administrator\'s token file.',
    tokenMissing: 'Enter a token first.',
    unauthorized: 'The server does not know this token (401). Check the token or ask the administrator for a new one.',
    forbidden: 'This token does not have the planner role (403); ask the administrator for a planner token.',
    initiativesHeading: 'Initiatives', initiativesNone: 'No initiatives yet.',
    initiative: 'Initiative', initiator: 'Initiator', form: 'Housing form', persons: 'Persons', status: 'Status', step: 'Last step',
    forms: { room_rental: 'Room rental', housing_facility: 'Housing facility' },
    initiativeStatuses: {
      reported: 'reported', intake: 'intake', assessment: 'assessment', permit_applied: 'permit applied for',
      granted: 'granted', refused: 'refused', realised: 'realised', ended: 'ended'
    },
    permitsHeading: 'Room-rental permits per street', permitsNone: 'No permits yet.',
    street: 'Street', permits: 'Permits', limit: 'Maximum', left: 'Left', noLimit: 'none',
    permitStatuses: { applied: 'applied for', granted: 'granted', refused: 'refused', withdrawn: 'withdrawn', expired: 'expired' },
    streetStatuses: { available: 'room left', almost_full: 'almost full', full: 'full' },
    unplaced: 'Not placed on a street',
    zoomTo: 'Zoom to',
    overviewHeading: 'Overview: where could housing go?',
    overviewHint: 'Every address checked for the chosen housing form and number of persons (the first time may take a few seconds).',
    newBuild: 'New build', showOverview: 'Show overview', overviewBusy: 'Checking every address...',
    verdicts: { allowed: 'Allowed', conditional: 'Conditional', not_allowed: 'Not allowed', error: 'Cannot be checked' },
    addresses: 'Addresses', town: 'Village', total: 'Total', computedIn: 'computed in', cached: 'from the cache',
    failed: 'The request failed', mapLabel: 'Map; click to see what lies there'
  },
  policy: {}
};
