/**
 * Signed documents (ký số): each unit's signing certificate, kept with its private key encrypted at rest, the PAdES
 * signatures put on the decisions, certificates and reports issued in the unit's name, and the check of a signed PDF.
 */
package vn.dvk.signing;
