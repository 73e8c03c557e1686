// Our own API: fetching with its problem+json errors, the message for a failed request in the page's language, and
// the fictitious-data banner an answer's dataset block asks for.

/**
 * GET (or any method) on our API. Resolves to the parsed JSON; rejects with an Error whose message is the
 * problem+json detail (or title, or "HTTP nnn"), with status and problem set, or with network = true when
 * the server could not be reached.
 */
export async function getJson(url, init) {
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
export function errorText(ui, leadKey, err) {
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
export function noteDataset(body) {
  const banner = document.getElementById('fictitious');
  if (banner && body && body.dataset && body.dataset.fictitious) banner.hidden = false;
}
