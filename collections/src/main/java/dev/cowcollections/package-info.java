/**
 * Implicitly shared value collections: a {@code copy()} costs O(1) because handles share one
 * buffer under an atomic reference count, and the first write through a shared handle detaches
 * it, so that every handle behaves as an independent value.
 *
 * <p>Conventions inside the package, for maintainers: methods that touch the reference count say
 * their memory ordering in their names ({@code isUniqueAcquire}, {@code sharesVolatile}); a
 * method named {@code detach...} gives a handle a private buffer and then releases its share of
 * the old one; {@code knownUnique} fields cache a uniqueness test that can only be undone by the
 * handle's own {@code copy()}.
 */
package dev.cowcollections;
