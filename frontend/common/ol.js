// OpenLayers comes from the webjar as one classic script (/webjars/ol/<version>/dist/ol.js, loaded before the page's
// modules): its `ol` is the only global a page has, and the modules take it from here instead of naming the global.
const ol = globalThis.ol;
if (!ol) throw new Error('OpenLayers is missing: the page must load /webjars/ol/<version>/dist/ol.js before its modules');
export default ol;
