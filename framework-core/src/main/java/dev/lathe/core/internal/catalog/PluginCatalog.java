package dev.lathe.core.internal.catalog;

import dev.lathe.api.ExtensionPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The accepted providers and the rejected plugins, from every source. Lookup is by extension
 * point and id: one id may fill several points (a test problem is both a space and an
 * evaluator), but never the same point twice.
 */
public class PluginCatalog implements AutoCloseable {

  private final List<CatalogEntry> entries;
  private final List<Rejection> rejections;
  private final AutoCloseable resources;

  /**
   * A catalog of {@code entries}, already free of duplicates.
   *
   * @param resources released on {@link #close()} (PF4J's plugin manager), or {@code null}
   */
  public PluginCatalog(
      List<CatalogEntry> entries, List<Rejection> rejections, AutoCloseable resources) {
    List<CatalogEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(CatalogEntry::id).thenComparing(CatalogEntry::point));
    this.entries = List.copyOf(sorted);
    this.rejections = List.copyOf(rejections);
    this.resources = resources;
  }

  /** Every accepted provider, sorted by id, then extension point. */
  public List<CatalogEntry> entries() {
    return entries;
  }

  /** The accepted providers of one extension point. */
  public List<CatalogEntry> entries(ExtensionPoint point) {
    return entries.stream().filter(e -> e.point() == point).toList();
  }

  /** The provider of {@code point} with id {@code id}. */
  public Optional<CatalogEntry> find(ExtensionPoint point, String id) {
    return entries.stream().filter(e -> e.point() == point && e.id().equals(id)).findFirst();
  }

  /** Every provider with id {@code id}, whatever its point. */
  public List<CatalogEntry> withId(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).toList();
  }

  /** The plugins that were refused, with reasons. */
  public List<Rejection> rejections() {
    return rejections;
  }

  /**
   * Releases what the catalog holds: stops and unloads the external plugins, closing their class
   * loaders, after which their providers must not be used. Closing again does nothing.
   *
   * @throws IllegalStateException if releasing failed with a checked exception
   */
  @Override
  public void close() {
    if (resources != null) {
      try {
        resources.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot release the plugins: " + e, e);
      }
    }
  }
}
