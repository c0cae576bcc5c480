/**
 * A Jackson 3 ({@code tools.jackson}) datatype module for cow-collections:
 * {@link dev.cowcollections.jackson3.CowCollectionsModule}.
 */
package dev.cowcollections.jackson3;
