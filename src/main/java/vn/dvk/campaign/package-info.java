/**
 * Campaigns (phát động): a unit opens the registration of models for a year and levels, with its launching
 * document, a registration window and whether a complete dossier is required; submissions under it are checked.
 */
package vn.dvk.campaign;
