/**
 * Demo world: on request ({@code dvk.demo=true}) builds the province of Bến Tre with its bodies, one user per
 * role and models in every state of their life, through the public services of the other modules.
 */
package vn.dvk.demo;
