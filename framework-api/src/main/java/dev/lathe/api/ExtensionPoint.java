package dev.lathe.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The kinds of plugin that the kernel knows, each found through its own provider interface. */
@API(status = STABLE, since = "0.1")
public enum ExtensionPoint {
  SEARCH_SPACE("search-space"),
  OPTIMIZER("optimizer"),
  EVALUATOR("evaluator"),
  COMPRESSOR("compressor"),
  ACCELERATOR("accelerator"),
  GRAPH_ALGORITHM("graph-algorithm"),
  RESULT_STORE("result-store"),
  EXECUTOR("executor"),
  REPRODUCTION("reproduction"),
  NETWORK("network");

  private final String label;

  ExtensionPoint(String label) {
    this.label = label;
  }

  /** The lower-case name used in tables, JSON and messages, e.g. {@code search-space}. */
  public String label() {
    return label;
  }
}
