// The languages of the public pages, in the order the language switch lists them. The planner view offers Dutch
// and English only and imports those two itself.
import nl from './nl.js';
import en from './en.js';
import pl from './pl.js';
import ro from './ro.js';

export default { nl, en, pl, ro };
