/**
 * Adapters between Lathe's {@link dev.lathe.api.graph.Graph} and JGraphT. JGraphT is an optional
 * dependency of the API module ({@code requires static org.jgrapht.core}): code that calls these
 * adapters adds {@code org.jgrapht:jgrapht-core} itself and {@code requires org.jgrapht.core}.
 */
package dev.lathe.api.graph.jgrapht;
