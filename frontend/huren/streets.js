// The table of every street (name, dwellings, maximum, room left) and the map's legend with the rule behind the
// maximum, both from GET /api/v1/room-rental/streets.
import { subscribe } from './state.js';
import { t, streetName, statusText, withLimits } from './words.js';
import { COLOURS } from './map.js';

const $ = id => document.getElementById(id);

export function startStreets() {
  subscribe(['streets', 'lang'], renderStreets);
}

function renderStreets(s) {
  const fc = s.streets;
  if (!fc) return;
  const body = $('streets').tBodies[0];
  body.innerHTML = '';
  for (const f of fc.features) {
    const p = f.properties;
    const tr = body.insertRow();
    tr.dataset.street = f.id;
    tr.dataset.status = p.status;
    tr.insertCell().textContent = streetName(p);
    tr.insertCell().textContent = p.dwellings;
    // short on a phone: the reason only where the share itself does not give the maximum; "indicative" is in the legend
    tr.insertCell().textContent = p.limit == null ? t('noLimit')
      : p.limit + (p.limitBy && p.limitBy !== 'share' ? ' (' + withLimits(t('limitBy')[p.limitBy]) + ')' : '');
    const left = tr.insertCell();
    left.textContent = p.status === 'not_applicable' ? t('notPossible') : (p.left == null ? '-' : p.left) + ' ' + statusText(p);
  }
  const first = fc.features[0];
  $('data-date').textContent = first ? t('dataDate') + ' ' + first.properties.dataDate : '';
  $('legend').innerHTML = '';
  for (const [status, colour] of Object.entries(COLOURS)) {
    const li = document.createElement('li');
    li.dataset.status = status;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    li.append(swatch, document.createTextNode(withLimits(t('statuses')[status])));
    $('legend').appendChild(li);
  }
  // the rule behind the maximum in words, and whether the council has adopted it
  const l = fc.limits || {};
  const rule = document.createElement('li');
  rule.id = 'legend-rule';
  rule.className = 'legend-note';
  rule.textContent = withLimits(l.percent != null ? t('legendShare') : l.countPerStreet != null ? t('legendCount') : t('noLimit'))
    + (l.indicative ? ' (' + t('indicative') + ')' : '');
  $('legend').appendChild(rule);
  if (l.countsFromDwellings) {
    const counts = document.createElement('li');
    counts.id = 'legend-counts';
    counts.className = 'legend-note';
    counts.textContent = withLimits(t('legendCounts'));
    $('legend').appendChild(counts);
  }
}
