// The list: one table per village (caption: the village and its count), each initiative's street or how it is
// placed, form, persons, status and the initiator's project page; a button puts it on the map. The count, the
// adoption note, the village filter, "more" and the CSV link follow the state too.
import { get, setState, subscribe } from './state.js';

const $ = id => document.getElementById(id);

/** Set by startList(ui). */
let ui = null;
const t = key => ui.t(key);
const word = (group, id) => (t(group) && t(group)[id]) || id;

export function startList(texts) {
  ui = texts;
  subscribe(['items', 'villages', 'lang'], draw);
  // the choice changes two attributes, not the tables: the focused button stays where it is
  subscribe(['selected'], markSelected);
  subscribe(['count', 'villages', 'village', 'lang'], drawCount);
  subscribe(['villages', 'village', 'lang'], drawFilter);
  subscribe(['policy', 'lang'], drawAdoption);
  subscribe(['next', 'lang'], s => { $('more').hidden = !s.next; });
  const downloadLink = s => {
    const q = s.village ? '?village=' + encodeURIComponent(s.village) : '';
    $('download').href = '/api/v1/public/initiatives.csv' + q;
  };
  subscribe(['village'], downloadLink);
  downloadLink(get()); // the filter a link opened the page with
  subscribe(['selected'], s => {
    const row = document.querySelector('tr[data-index="' + s.selected + '"]');
    if (row) row.scrollIntoView({ block: 'nearest' });
  });
  $('village').addEventListener('change', e => setState({ village: e.target.value }));
}

function villageName(v) { return v || t('noVillage'); }

function drawFilter(s) {
  const select = $('village');
  select.innerHTML = '';
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t('allVillages');
  select.appendChild(all);
  const names = s.villages.map(v => v.village);
  // a filter from the URL that matches nothing stays visible, so the empty list explains itself
  if (s.village && !names.some(n => n.toLowerCase() === s.village.toLowerCase())) names.push(s.village);
  for (const name of names) {
    const o = document.createElement('option');
    o.value = name;
    const n = s.villages.find(v => v.village === name);
    o.textContent = villageName(name) + (n ? ' (' + n.count + ')' : '');
    select.appendChild(o);
  }
  select.value = names.find(n => n.toLowerCase() === s.village.toLowerCase()) || '';
}

function drawCount(s) {
  if (s.count == null) { $('count').textContent = t('loading'); return; }
  $('count').textContent = s.count === 0 ? t('none') : t('countText').replace('{n}', s.count);
}

function drawAdoption(s) {
  const p = s.policy;
  const note = $('adoption');
  note.hidden = !p || p.adopted;
  if (!p || p.adopted) return;
  note.textContent = t('notAdopted') + ' ' + ui.pick(p.adoptedNote);
  note.lang = ui.pickLang(p.adoptedNote);
}

function draw(s) {
  const list = $('list');
  list.innerHTML = '';
  const groups = new Map();
  s.items.forEach((f, index) => {
    const v = f.properties.village || '';
    if (!groups.has(v)) groups.set(v, []);
    groups.get(v).push({ f, index });
  });
  for (const [village, rows] of groups) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.className = 'village-table';
    const caption = table.createCaption();
    const total = (s.villages.find(x => x.village === village) || {}).count || rows.length;
    caption.textContent = villageName(village) + ' (' + total + ')';
    const head = table.createTHead().insertRow();
    for (const key of ['colPlace', 'colForm', 'colPersons', 'colStatus', 'colPage', 'colMap']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t(key);
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const { f, index } of rows) body.appendChild(row(f.properties, index, !!f.geometry, s.selected === index));
    wrap.appendChild(table);
    list.appendChild(wrap);
  }
}

function markSelected(s) {
  document.querySelectorAll('#list tr[data-index]').forEach(tr => {
    const chosen = Number(tr.dataset.index) === s.selected;
    tr.classList.toggle('selected', chosen);
    const b = tr.querySelector('button');
    if (b) b.setAttribute('aria-pressed', String(chosen));
  });
}

function row(p, index, onMap, selected) {
  const tr = document.createElement('tr');
  tr.dataset.index = index;
  if (selected) tr.className = 'selected';
  const place = p.street ? p.street + (p.location === 'street' ? ' (' + t('privateStreet') + ')' : '')
    : t('privateVillage');
  cell(tr, place);
  cell(tr, word('forms', p.form));
  cell(tr, String(p.persons)).className = 'persons';
  cell(tr, word('statuses', p.status));
  const page = tr.insertCell();
  if (p.projectPage) {
    const a = document.createElement('a');
    a.href = p.projectPage;
    a.rel = 'noopener noreferrer nofollow external';
    // the host as the link text: says where the link goes, and differs per initiative
    try { a.textContent = new URL(p.projectPage).host; } catch (e) { a.textContent = p.projectPage; }
    page.appendChild(a);
  } else {
    page.textContent = t('noPage');
  }
  const mapCell = tr.insertCell();
  if (onMap) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = t('showOnMap');
    b.setAttribute('aria-pressed', String(selected));
    b.setAttribute('aria-label', t('showOnMap') + ': ' + place + ', ' + word('forms', p.form));
    b.addEventListener('click', () => setState({ selected: get().selected === index ? null : index }));
    mapCell.appendChild(b);
  } else {
    mapCell.textContent = t('notOnMap');
  }
  return tr;
}

function cell(tr, text) {
  const td = tr.insertCell();
  td.textContent = text;
  return td;
}
