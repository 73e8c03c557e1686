// The regisseur's requests: our API with the token of the state.
import { getJson } from '../common/api.js';
import { get } from './state.js';

/** A request with the token; body (an object) is sent as JSON. */
export function call(method, url, body) {
  const init = { method, headers: { Authorization: 'Bearer ' + get().token } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return getJson(url, init);
}
