import { LitElement } from 'lit';
import { PortalWidget } from './portal-widget.js';

/** Base of the elements that render with Lit templates: what every Portal Widgets element shares. */
export class PortalElement extends PortalWidget(LitElement) {}
