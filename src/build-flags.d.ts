/**
 * Set by scripts/build.mjs. 'addon': the menu lives under Extensions (an
 * editor add-on must use createAddonMenu). 'bound': a script bound to one
 * spreadsheet, where a top-level "Social CRM" menu is friendlier.
 */
declare const WHUFFIE_MENU: 'addon' | 'bound';
