/**
 * The movement's public face, without sign-in: the library of recognized models, their QR codes and signboards,
 * and what citizens say about them (satisfaction ratings).
 */
package vn.dvk.showcase;
