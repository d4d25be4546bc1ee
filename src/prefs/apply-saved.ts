// The autoloader's first step for a returning visitor: the page's preferences (the saved text
// size and contrast) made and applied in a task of their own, before any element is defined.
import { getPagePreferences } from './page-preferences.js';

getPagePreferences();
