/**
 * A Jackson 2 ({@code com.fasterxml.jackson}) datatype module for cow-collections:
 * {@link dev.cowcollections.jackson.CowCollectionsModule}.
 */
package dev.cowcollections.jackson;
