/**
 * Lathe's contracts: the extension points that plugins implement, the providers through which
 * the kernel finds them, and the value types in which they meet.
 */
module dev.lathe.api {
  requires static transitive org.apiguardian.api;
  requires transitive org.slf4j;
  requires java.xml;
  requires static org.jgrapht.core;
  requires static osmpbf;
  requires static com.google.protobuf;

  exports dev.lathe.api;
  exports dev.lathe.api.accelerate;
  exports dev.lathe.api.compress;
  exports dev.lathe.api.data;
  exports dev.lathe.api.execute;
  exports dev.lathe.api.graph;
  exports dev.lathe.api.graph.io;
  exports dev.lathe.api.graph.jgrapht;
  exports dev.lathe.api.metric;
  exports dev.lathe.api.model;
  exports dev.lathe.api.model.cost;
  exports dev.lathe.api.optimize;
  exports dev.lathe.api.reproduce;
  exports dev.lathe.api.space;
  exports dev.lathe.api.sparse;
  exports dev.lathe.api.spi;
  exports dev.lathe.api.store;
}
