/**
 * The web's plumbing, which no business module calls: problem details for what the controllers do not answer
 * themselves (unreadable bodies, unknown paths, errors of the container), idempotency keys of the API and the forms,
 * the request id on answers and logs, the work gate that queues requests beyond the pool, static resources and
 * WebJars, the pages' shared model attributes, the menu and assets kept per role ({@code #parts}), parts of pages
 * rendered apart ({@link vn.dvk.web.RenderedViews}), and the template and fragment caches. It depends on
 * {@code shared} only.
 */
package vn.dvk.web;
