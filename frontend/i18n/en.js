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
  planner: {},
  policy: {}
};
