/**
 * Which boundary rules an alias obeys in the matcher, as the alias index stores it (a number, to
 * keep the index small).
 */

/** A name that may stand alone: a full name, or a surname of the `unique` class such as 扎克伯格. */
export const STANDALONE = 0;
/**
 * A surname or given name: it counts only where its person is established on the page, and obeys
 * the stricter rules for short Chinese aliases and for Latin words next to another name.
 */
export const PARTIAL = 1;
