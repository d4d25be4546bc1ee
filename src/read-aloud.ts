// read-aloud as a script-tag file of its own, beside portal-widgets.js: loaded by that file when a
// page has a <read-aloud>, so that pages without one pay nothing for it.
import {
  configure,
  configureFromScript,
  findOwnScript,
  type PortalWidgetsConfig,
} from './core/config.js';
import { defineElement, tagName } from './core/define.js';
import { ReadAloud } from './elements/read-aloud/read-aloud.js';

export { ReadAloud };
export { ReadAloudEvent } from './bases/events.js';

const ownScript = findOwnScript(import.meta.url);
configureFromScript(ownScript);
// Loaded by portal-widgets.js, not by a tag of its own: that file knows the page's prefix.
if (!ownScript)
  configure({
    prefix: (
      window as { PortalWidgets?: { getConfig?(): PortalWidgetsConfig } }
    ).PortalWidgets?.getConfig?.().prefix,
  });
defineElement(tagName('read-aloud'), ReadAloud);
