/**
 * Lathe's plugin registry: a signed index of plugin archives in a folder or on a static HTTP
 * host, resolution of versions and dependencies, atomic and verified install into a plugins
 * directory, and publishing.
 */
module dev.lathe.registry {
  requires transitive dev.lathe.api;
  requires static org.apiguardian.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports dev.lathe.registry;
}
