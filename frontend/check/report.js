// The report for the file: the PDF of this page's own check (POST /api/v1/reports with the body of the check the
// shown answer came from), saved as a file; in English when the page is, else in Dutch (the report has those two).
import { errorText } from '../common/api.js';
import { get, setState, subscribe } from './state.js';
import { ui } from './texts.js';
import { resultRequest } from './assess.js';

const $ = id => document.getElementById(id);

export function startReport() {
  subscribe(['result', 'busy'], s => { $('report-pdf').disabled = !s.result || s.busy; });
  $('report-pdf').addEventListener('click', download);
}

async function download() {
  const body = resultRequest();
  if (!body || !get().result) return;
  const button = $('report-pdf');
  button.disabled = true;
  const lang = ui.lang === 'en' ? 'en' : 'nl';
  try {
    let response;
    try {
      response = await fetch('/api/v1/reports?lang=' + lang, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
    } catch (e) {
      const err = new Error(e.message);
      err.network = true;
      throw err;
    }
    if (!response.ok) {
      // a refusal is problem+json, as every answer of the API
      let problem = null;
      try { problem = await response.json(); } catch (ignored) { /* not JSON: the status says it */ }
      const err = new Error((problem && (problem.detail || problem.title)) || 'HTTP ' + response.status);
      err.status = response.status;
      err.problem = problem;
      throw err;
    }
    const blob = await response.blob();
    const name = (/filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '') || [])[1] || 'plektoets.pdf';
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (err) {
    setState({ error: () => errorText(ui, 'reportFailed', err) });
  } finally {
    button.disabled = !get().result || get().busy;
  }
}
