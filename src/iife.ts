// The classic-script bundle: the same elements, and no global besides window.PortalWidgets.
import './index.js';
